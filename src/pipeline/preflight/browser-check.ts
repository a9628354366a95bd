import { makeOwnedTempDir } from '../../node/owned-temp-dir';
import type { Problem } from '../../schema/problems';
import type { EncoderCheckRequest } from '../../web-render/web-render-protocol';
import { findBrowser, type FoundBrowser } from '../render/browser-executable';
import { browserVersion } from '../render/browser-version';
import { chooseEngine, type EncoderVerdict } from '../render/choose-engine';
import { browserForRun } from '../render/run-browser';
import { cachedVerdict, encoderProbeFile, probeKey, saveVerdict } from './encoder-probe-cache';
import type { RenderEngine } from '../render/render-settings';
import { openRenderPage, type RenderPage } from '../render/web/render-page';

export type BrowserCheck = {
	/** What `--renderer` forced; undefined lets the browser's encoder decide. */
	readonly engine: RenderEngine | undefined;
	/** The first video's size and bitrate, which the web engine's H.264 encoder must take. */
	readonly encoder: EncoderCheckRequest;
	/** Where the verdict per browser version is kept (`--out`), so later runs need not start a browser to ask. */
	readonly outDir?: string;
};

/** What the check found: problems, or the engine the run uses, the browser, and a notice when it fell back. */
export type BrowserFindings = {
	readonly problems: Problem[];
	readonly engine: RenderEngine;
	readonly browser: FoundBrowser | null;
	readonly notice: string | null;
	/** Settles once the checked browser is gone and its folders removed (never rejects). */
	readonly closed: Promise<void>;
	/** Keeps a fresh verdict for the next run; called only once the whole preflight passed, so a refused run writes nothing. */
	readonly keep: () => Promise<void>;
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

/** The encoder's verdict from a short-lived renderer page; the page is closed in the background (`closed`). */
const probeEncoder = async (executable: string, encoder: EncoderCheckRequest): Promise<{ verdict: EncoderVerdict; closed: Promise<void> }> => {
	// the page serves assets from a folder; the check reads none, so it gets an empty one of its own
	const publicDir = makeOwnedTempDir('preflight');
	let page: RenderPage;
	try {
		page = await openRenderPage(publicDir.path, undefined, executable);
	} catch (error) {
		await publicDir.remove().catch(() => undefined);
		const reason = brief(error);
		throw new Error(`${reason.includes(executable) ? '' : `the browser ${executable}: `}${reason}`);
	}
	const close = async () => {
		await page.close().catch(() => undefined);
		await publicDir.remove().catch(() => undefined);
	};
	try {
		const verdict = await withTimeout(page.call('checkEncoder', encoder), ENCODER_ANSWER_MS, 'the encoder check');
		return { verdict, closed: close() };
	} catch (error) {
		await close();
		throw new Error(`the browser ${executable} could not check its H.264 encoder: ${brief(error)}`);
	}
};

/** A verdict kept for this browser version and output, or a fresh probe (then kept). */
type Verdict = { verdict: EncoderVerdict; closed: Promise<void>; keep: () => Promise<void> };

const encoderVerdict = async (browser: FoundBrowser, check: BrowserCheck): Promise<Verdict> => {
	// a program that cannot say its version is not kept: the probe then says what is wrong with it
	const version = await browserVersion(browser.path).catch(() => null);
	const file = check.outDir && version ? encoderProbeFile(check.outDir) : null;
	const key = probeKey(browser.path, version ?? '', check.encoder);
	const kept = file ? await cachedVerdict(file, key) : null;
	if (kept) return { verdict: kept, closed: Promise.resolve(), keep: async () => undefined };
	const probed = await probeEncoder(browser.path, check.encoder);
	// a verdict that cannot be kept costs only a probe next time
	return { ...probed, keep: async () => (file ? saveVerdict(file, key, probed.verdict).catch(() => undefined) : undefined) };
};

/**
 * Which browser the render uses (printed once by the caller) and which engine: the web engine when the browser's
 * WebCodecs encode H.264 at the output's size and bitrate, asked in one short-lived renderer page (or read from the
 * verdict kept for this browser version), else the screenshot engine with a notice. `--renderer` forces either;
 * forcing `web` on a browser that cannot encode is a problem. For a forced screenshot render only a configured
 * REMOTION_BROWSER_EXECUTABLE must exist: without a browser, Remotion downloads its own.
 *
 * Answers as soon as the verdict is in; the browser is then killed and its profile and serving folder removed
 * in the background (`closed`, which never rejects), so a run that goes on does not wait the second or two
 * that takes. Until then the browser stays owned: a signal or the process's exit still stops it.
 */
export const checkBrowser = async (check: BrowserCheck): Promise<BrowserFindings> => {
	const refused = (message: string): BrowserFindings => ({
		problems: [{ path: where, message }],
		engine: check.engine ?? 'web',
		browser: null,
		notice: null,
		closed: Promise.resolve(),
		keep: async () => undefined,
	});
	const where = process.env.REMOTION_BROWSER_EXECUTABLE?.trim() ? 'REMOTION_BROWSER_EXECUTABLE' : 'browser';
	if (check.engine === 'screenshot') {
		try {
			return { problems: [], engine: 'screenshot', browser: findBrowser(), notice: null, closed: Promise.resolve(), keep: async () => undefined };
		} catch {
			const configured = process.env.REMOTION_BROWSER_EXECUTABLE?.trim();
			return refused(
				`${configured} does not exist; fix the path, or unset REMOTION_BROWSER_EXECUTABLE and Remotion downloads its own browser (needs internet)`,
			);
		}
	}
	let browser: FoundBrowser;
	try {
		browser = await browserForRun();
	} catch (error) {
		return refused(`${brief(error)}; ${FIXES}`);
	}
	let probed: Verdict;
	try {
		probed = await encoderVerdict(browser, check);
	} catch (error) {
		return { ...refused(`${brief(error)}; ${FIXES}`), browser };
	}
	const { width, height, videoBitrate } = check.encoder;
	const choice = chooseEngine(check.engine, probed.verdict, { browser: `the browser ${browser.path}`, output: `${width}x${height}, ${videoBitrate} bit/s` });
	if ('problem' in choice) return { ...refused(`${choice.problem}; ${FIXES}`), browser, closed: probed.closed };
	return { problems: [], engine: choice.engine, browser, notice: choice.notice, closed: probed.closed, keep: probed.keep };
};

/** checkBrowser, returning once the browser is gone and its folders removed. */
export const browserProblems = async (check: BrowserCheck): Promise<Problem[]> => {
	const { problems, closed } = await checkBrowser(check);
	await closed;
	return problems;
};
