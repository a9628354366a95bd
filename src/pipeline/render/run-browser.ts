import { ensureBrowser } from '@remotion/renderer';
import { findBrowser, type BrowserLookups, type FoundBrowser } from './browser-executable';

/** Remotion's download of Chrome's headless shell into node_modules/.remotion (needs internet once). */
const downloadWithRemotion = async (): Promise<string> => {
	const status = await ensureBrowser({ logLevel: 'error' });
	if (status.type === 'local-puppeteer-browser' || status.type === 'user-defined-path') return status.path;
	throw new Error(`Remotion reports ${status.type}`);
};

const NO_BROWSER = 'no Chrome or Chromium found (REMOTION_BROWSER_EXECUTABLE is unset, and none is at the usual places for this system)';
const INSTALL =
	'install Google Chrome, or on Debian/Ubuntu chromium-headless-shell (sudo apt-get install chromium-headless-shell), or set REMOTION_BROWSER_EXECUTABLE to a Chrome or Chromium';

export type RunBrowserOptions = { readonly lookups?: BrowserLookups; readonly download?: () => Promise<string> };

let downloaded: Promise<string> | null = null;

/**
 * The browser a run renders with: findBrowser's choice, else Remotion's own download (once per process).
 * Fails with what was looked for and what to install when there is neither.
 */
export const browserForRun = async (options: RunBrowserOptions = {}): Promise<FoundBrowser> => {
	const found = findBrowser(options.lookups);
	if (found) return found;
	const download = options.download ?? downloadWithRemotion;
	if (!options.download) downloaded ??= download().catch((error: unknown) => ((downloaded = null), Promise.reject(error)));
	try {
		const file = await (options.download ? download() : downloaded!);
		return { path: file, source: "Remotion's download of Chrome's headless shell" };
	} catch (error) {
		throw new Error(`${NO_BROWSER}, and Remotion could not download one (${(error as Error).message.split('\n')[0]}); ${INSTALL}`);
	}
};
