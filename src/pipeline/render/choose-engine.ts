import type { RenderEngine } from './render-settings';

/** README's figures on 2 cores: the web engine draws 1080p at about 37–40 fps, the screenshot engine about 5. */
export const SCREENSHOT_SLOWDOWN = 'about 7× slower';

/** What the probe of a browser found: whether its WebCodecs H.264 encoder takes the output's size and rate. */
export type EncoderVerdict = { readonly canRender: boolean; readonly problems: readonly string[] };

export type EngineChoice = { readonly engine: RenderEngine; readonly notice: string | null } | { readonly problem: string };

/**
 * The engine a render uses, by what the browser can do rather than by operating system: the web engine where
 * the browser encodes H.264 at the output size, else the screenshot engine with a notice that says why and what
 * it costs. `--renderer` (`forced`) wins, but forcing `web` on a browser that cannot encode is a problem, said
 * before any work. `verdict` is null when the browser was not probed (a forced screenshot render).
 */
export const chooseEngine = (
	forced: RenderEngine | undefined,
	verdict: EncoderVerdict | null,
	about: { readonly browser: string; readonly output: string },
): EngineChoice => {
	if (forced === 'screenshot') return { engine: 'screenshot', notice: null };
	if (verdict?.canRender) return { engine: 'web', notice: null };
	const cannot = `${about.browser} cannot encode H.264 at ${about.output} (${verdict ? verdict.problems.join('; ') : 'it was not checked'})`;
	if (forced === 'web') return { problem: `${cannot}, which the web engine (--renderer web) needs` };
	return {
		engine: 'screenshot',
		notice:
			`${cannot}, so this render uses the screenshot engine, ${SCREENSHOT_SLOWDOWN}; for the fast web engine install ` +
			"Google Chrome or Debian's chromium-headless-shell, or point REMOTION_BROWSER_EXECUTABLE at one",
	};
};
