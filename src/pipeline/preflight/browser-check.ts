import { existsSync } from 'node:fs';
import { makeOwnedTempDir } from '../../node/owned-temp-dir';
import type { Problem } from '../../schema/problems';
import type { EncoderCheckRequest } from '../../web-render/web-render-protocol';
import { resolveBrowserExecutable } from '../render/browser-executable';
import type { RenderEngine } from '../render/render-settings';
import { openRenderPage, type RenderPage } from '../render/web/render-page';

export type BrowserCheck = {
	readonly engine: RenderEngine;
	/** The first video's size and bitrate, which the web engine's H.264 encoder must take. */
	readonly encoder: EncoderCheckRequest;
};

/** The page's encoder answers at once; a page that does not is as good as none. */
const ENCODER_ANSWER_MS = 20_000;

const FIXES =
	"the web renderer needs a headless Chromium with an H.264 encoder: install Debian's chromium-headless-shell (sudo apt-get install chromium-headless-shell), " +
	'or point REMOTION_BROWSER_EXECUTABLE at a Chrome or Chromium that has one, or render with --renderer screenshot (REELSMITH_RENDERER=screenshot)';

/** The first lines of a failure, on one line, short enough for a list of problems. */
const brief = (error: unknown): string => {
	const text = (error instanceof Error ? error.message : String(error))
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	const line = text.slice(0, 3).join(' | ');
	return line.length > 400 ? `${line.slice(0, 400)}…` : line;
};

const withTimeout = async <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([
			work,
			new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} gave no answer within ${ms / 1000} s`)), ms))),
		]);
	} finally {
		clearTimeout(timer);
	}
};

/**
 * Whether the browser the render will use is there, starts, and (web engine) can encode H.264 at the output's
 * size and bitrate, in one short-lived renderer page. For the screenshot engine only a configured
 * REMOTION_BROWSER_EXECUTABLE must exist: without one, Remotion downloads its own browser.
 *
 * Answers as soon as the verdict is in; the browser is then killed and its profile and serving folder removed
 * in the background (`closed`, which never rejects), so a run that goes on does not wait the second or two
 * that takes. Until then the browser stays owned: a signal or the process's exit still stops it.
 */
export const checkBrowser = async ({ engine, encoder }: BrowserCheck): Promise<{ problems: Problem[]; closed: Promise<void> }> => {
	const done = (problems: Problem[]) => ({ problems, closed: Promise.resolve() });
	// the environment the render itself reads (openRenderPage resolves the browser from it)
	const configured = process.env.REMOTION_BROWSER_EXECUTABLE?.trim();
	const where = configured ? 'REMOTION_BROWSER_EXECUTABLE' : 'browser';
	if (engine === 'screenshot') {
		if (!configured || existsSync(configured)) return done([]);
		return done([
			{
				path: where,
				message: `${configured} does not exist; fix the path, or unset REMOTION_BROWSER_EXECUTABLE and Remotion downloads its own browser (needs internet)`,
			},
		]);
	}
	let executable: string | null;
	try {
		executable = resolveBrowserExecutable();
	} catch (error) {
		return done([{ path: where, message: `${brief(error)}; ${FIXES}` }]);
	}
	if (!executable)
		return done([{ path: where, message: `no browser found (neither REMOTION_BROWSER_EXECUTABLE nor /usr/bin/chromium-headless-shell); ${FIXES}` }]);

	// the page serves assets from a folder; the check reads none, so it gets an empty one of its own
	const publicDir = makeOwnedTempDir('preflight');
	let page: RenderPage;
	try {
		page = await openRenderPage(publicDir.path);
	} catch (error) {
		await publicDir.remove().catch(() => undefined);
		const reason = brief(error);
		return done([{ path: where, message: `${reason.includes(executable) ? '' : `the browser ${executable}: `}${reason}; ${FIXES}` }]);
	}
	const close = async () => {
		await page.close().catch(() => undefined);
		await publicDir.remove().catch(() => undefined);
	};
	let problems: Problem[] = [];
	try {
		const verdict = await withTimeout(page.call('checkEncoder', encoder), ENCODER_ANSWER_MS, 'the encoder check');
		if (!verdict.canRender) {
			const why = verdict.problems.join('; ');
			problems = [
				{
					path: where,
					message: `the browser ${executable} cannot encode H.264 at ${encoder.width}x${encoder.height}, ${encoder.videoBitrate} bit/s (${why}); ${FIXES}`,
				},
			];
		}
	} catch (error) {
		problems = [{ path: where, message: `the browser ${executable} could not check its H.264 encoder: ${brief(error)}; ${FIXES}` }];
	}
	return { problems, closed: close() };
};

/** checkBrowser, returning once the browser is gone and its folders removed. */
export const browserProblems = async (check: BrowserCheck): Promise<Problem[]> => {
	const { problems, closed } = await checkBrowser(check);
	await closed;
	return problems;
};
