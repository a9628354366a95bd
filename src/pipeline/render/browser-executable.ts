import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where a browser was found: printed once per run, so a person knows which one draws their frames. */
export type FoundBrowser = { readonly path: string; readonly source: string };

/** What discovery reads of the machine; tests pass their own. */
export type BrowserLookups = {
	readonly env: NodeJS.ProcessEnv;
	readonly platform: NodeJS.Platform;
	readonly exists: (file: string) => boolean;
	readonly home: string;
};

const realLookups = (): BrowserLookups => ({ env: process.env, platform: process.platform, exists: existsSync, home: os.homedir() });

const DEBIAN = [
	{ path: '/usr/bin/chromium-headless-shell', source: "Debian's chromium-headless-shell" },
	{ path: '/usr/bin/chromium', source: "Debian's chromium" },
] as const;

/** Chrome or Chromium where their installers put them, per operating system. */
const installedBrowsers = ({ platform, env, home }: BrowserLookups): FoundBrowser[] => {
	if (platform === 'darwin') {
		const apps = ['/Applications', path.posix.join(home, 'Applications')];
		return apps.flatMap((dir) => [
			{ path: `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`, source: 'Google Chrome' },
			{ path: `${dir}/Chromium.app/Contents/MacOS/Chromium`, source: 'Chromium' },
		]);
	}
	if (platform === 'win32') {
		const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter(
			(root): root is string => Boolean(root),
		);
		return [
			...roots.map((root) => ({ path: path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), source: 'Google Chrome' })),
			...roots.map((root) => ({ path: path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'), source: 'Chromium' })),
			// on every Windows 10 and 11: Chromium underneath, with the same DevTools protocol
			...roots.map((root) => ({ path: path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), source: 'Microsoft Edge' })),
		];
	}
	return [
		{ path: '/usr/bin/google-chrome-stable', source: 'Google Chrome' },
		{ path: '/usr/bin/google-chrome', source: 'Google Chrome' },
		{ path: '/opt/google/chrome/chrome', source: 'Google Chrome' },
		{ path: '/usr/bin/chromium-browser', source: 'Chromium' },
		{ path: '/snap/bin/chromium', source: 'Chromium (snap)' },
	];
};

/**
 * The browser that renders, in this order: REMOTION_BROWSER_EXECUTABLE; Debian/Ubuntu's chromium-headless-shell
 * or chromium; an installed Google Chrome or Chromium (or Edge on Windows) at its usual place. null means none:
 * Remotion then downloads its own (ensureBrowser, machines with internet).
 */
export const findBrowser = (lookups: BrowserLookups = realLookups()): FoundBrowser | null => {
	const configured = lookups.env.REMOTION_BROWSER_EXECUTABLE?.trim();
	if (configured) {
		if (!lookups.exists(configured)) {
			throw new Error(`REMOTION_BROWSER_EXECUTABLE points to ${configured}, which does not exist; fix the path or unset it`);
		}
		return { path: configured, source: 'REMOTION_BROWSER_EXECUTABLE' };
	}
	const candidates = [...(lookups.platform === 'linux' ? DEBIAN : []), ...installedBrowsers(lookups)];
	return candidates.find((candidate) => lookups.exists(candidate.path)) ?? null;
};

/** The path of findBrowser's choice, or null for Remotion's own download. */
export const resolveBrowserExecutable = (lookups?: BrowserLookups): string | null => findBrowser(lookups)?.path ?? null;
