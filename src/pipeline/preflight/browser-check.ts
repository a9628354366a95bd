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
	'the web renderer needs a headless Chromium with an H.264 encoder: install Debian\'s chromium-headless-shell (sudo apt-get install chromium-headless-shell), ' +
	'or point REMOTION_BROWSER_EXECUTABLE at a Chrome or Chromium that has one, or render with --renderer screenshot (REELSMITH_RENDERER=screenshot)';

/** The first lines of a failure, on one line, short enough for a list of problems. */
const brief = (error: unknown): string => {
	const text = (error instanceof Error ? error.message : String(error)).split('\n').map((line) => line.trim()).filter(Boolean);
	const line = text.slice(0, 3).join(' | ');
	return line.length > 400 ? `${line.slice(0, 400)}…` : line;
};

const withTimeout = async <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} gave no answer within ${ms / 1000} s`)), ms)))]);
	} finally {
		clearTimeout(timer);
	}
};

/**
 * Whether the browser the render will use is there, starts, and (web engine) can encode H.264 at the output's
 * size and bitrate: one short-lived renderer page, closed (browser killed, profile and serving folder removed)
 * whatever happens. For the screenshot engine only a configured REMOTION_BROWSER_EXECUTABLE must exist: without
 * one, Remotion downloads its own browser.
 */
export const browserProblems = async ({ engine, encoder }: BrowserCheck): Promise<Problem[]> => {
	// the environment the render itself reads (openRenderPage resolves the browser from it)
	const env = process.env;
	const configured = env.REMOTION_BROWSER_EXECUTABLE?.trim();
	const where = configured ? 'REMOTION_BROWSER_EXECUTABLE' : 'browser';
	if (engine === 'screenshot') {
		if (!configured || existsSync(configured)) return [];
		return [{ path: where, message: `${configured} does not exist; fix the path, or unset REMOTION_BROWSER_EXECUTABLE and Remotion downloads its own browser (needs internet)` }];
	}
	let executable: string | null;
	try {
		executable = resolveBrowserExecutable(env);
	} catch (error) {
		return [{ path: where, message: `${brief(error)}; ${FIXES}` }];
	}
	if (!executable) return [{ path: where, message: `no browser found (neither REMOTION_BROWSER_EXECUTABLE nor /usr/bin/chromium-headless-shell); ${FIXES}` }];

	// the page serves assets from a folder; the check reads none, so it gets an empty one of its own
	const publicDir = makeOwnedTempDir('preflight');
	let page: RenderPage | null = null;
	try {
		try {
			page = await openRenderPage(publicDir.path);
		} catch (error) {
			const reason = brief(error);
			return [{ path: where, message: `${reason.includes(executable) ? '' : `the browser ${executable}: `}${reason}; ${FIXES}` }];
		}
		let verdict;
		try {
			verdict = await withTimeout(page.call('checkEncoder', encoder), ENCODER_ANSWER_MS, 'the encoder check');
		} catch (error) {
			return [{ path: where, message: `the browser ${executable} could not check its H.264 encoder: ${brief(error)}; ${FIXES}` }];
		}
		if (verdict.canRender) return [];
		return [
			{
				path: where,
				message: `the browser ${executable} cannot encode H.264 at ${encoder.width}x${encoder.height}, ${encoder.videoBitrate} bit/s (${verdict.problems.join('; ')}); ${FIXES}`,
			},
		];
	} finally {
		await page?.close();
		await publicDir.remove();
	}
};
