import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBrowser } from '../src/pipeline/preflight/browser-check';
import { encoderProbeFile, probeKey, saveVerdict } from '../src/pipeline/preflight/encoder-probe-cache';
import { findBrowser, resolveBrowserExecutable, type BrowserLookups } from '../src/pipeline/render/browser-executable';
import { browserVersion } from '../src/pipeline/render/browser-version';
import { chooseEngine } from '../src/pipeline/render/choose-engine';
import { browserForRun } from '../src/pipeline/render/run-browser';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { runScript } from './helpers/run-command';
import { json, validScene, validScript } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';

const lookups = (platform: NodeJS.Platform, present: readonly string[], env: NodeJS.ProcessEnv = {}, home = '/home/mia'): BrowserLookups => ({
	platform,
	env,
	home,
	exists: (file) => present.includes(file),
});

describe('browser discovery, in order, per operating system', () => {
	it('Linux: REMOTION_BROWSER_EXECUTABLE, then Debian headless shell, Debian chromium, then an installed Chrome', () => {
		const all = ['/opt/mine', '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/google-chrome-stable'];
		expect(findBrowser(lookups('linux', all, { REMOTION_BROWSER_EXECUTABLE: '/opt/mine' }))).toEqual({
			path: '/opt/mine',
			source: 'REMOTION_BROWSER_EXECUTABLE',
		});
		expect(findBrowser(lookups('linux', all))?.path).toBe('/usr/bin/chromium-headless-shell');
		expect(findBrowser(lookups('linux', all.slice(2)))?.path).toBe('/usr/bin/chromium');
		expect(findBrowser(lookups('linux', all.slice(3)))).toEqual({ path: '/usr/bin/google-chrome-stable', source: 'Google Chrome' });
		expect(findBrowser(lookups('linux', []))).toBeNull();
		expect(() => findBrowser(lookups('linux', all, { REMOTION_BROWSER_EXECUTABLE: '/nope' }))).toThrow(
			/REMOTION_BROWSER_EXECUTABLE points to \/nope, which does not exist/,
		);
	});

	it("macOS: Chrome or Chromium in /Applications or the person's own Applications; Debian's paths are not looked at", () => {
		const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
		const mine = '/Users/mia/Applications/Chromium.app/Contents/MacOS/Chromium';
		expect(findBrowser(lookups('darwin', [chrome, mine], {}, '/Users/mia'))).toEqual({ path: chrome, source: 'Google Chrome' });
		expect(findBrowser(lookups('darwin', [mine], {}, '/Users/mia'))).toEqual({ path: mine, source: 'Chromium' });
		expect(findBrowser(lookups('darwin', ['/usr/bin/chromium-headless-shell'], {}, '/Users/mia'))).toBeNull();
	});

	it('Windows: Chrome under Program Files, Program Files (x86) or the local app data, then Edge', () => {
		const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\Mia\\AppData\\Local' };
		const chrome = 'C:\\Users\\Mia\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
		const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
		expect(findBrowser(lookups('win32', [edge, chrome], env))).toEqual({ path: chrome, source: 'Google Chrome' });
		expect(findBrowser(lookups('win32', [edge], env))).toEqual({ path: edge, source: 'Microsoft Edge' });
	});

	it("falls back to Remotion's download, and says what to install when that fails too", async () => {
		const none = lookups('darwin', []);
		expect(await browserForRun({ lookups: none, download: async () => '/project/node_modules/.remotion/chrome-headless-shell' })).toEqual({
			path: '/project/node_modules/.remotion/chrome-headless-shell',
			source: "Remotion's download of Chrome's headless shell",
		});
		await expect(
			browserForRun({ lookups: none, download: async () => Promise.reject(new Error('getaddrinfo ENOTFOUND storage.googleapis.com')) }),
		).rejects.toThrow(
			/no Chrome or Chromium found .* Remotion could not download one \(getaddrinfo ENOTFOUND storage\.googleapis\.com\); install Google Chrome/,
		);
	});
});

describe('the engine is chosen by what the browser can encode', () => {
	const about = { browser: 'the browser /opt/chrome', output: '1080x1920, 8000000 bit/s' };
	const cannot = { canRender: false, problems: ['no H.264 encoder here takes 1080x1920 at 8000000 bit/s'] };

	it('web where the browser encodes H.264; otherwise screenshot, saying why and how much slower', () => {
		expect(chooseEngine(undefined, { canRender: true, problems: [] }, about)).toEqual({ engine: 'web', notice: null });
		const fallback = chooseEngine(undefined, cannot, about);
		expect(fallback).toMatchObject({ engine: 'screenshot' });
		expect('notice' in fallback && fallback.notice).toMatch(
			/the browser \/opt\/chrome cannot encode H\.264 at 1080x1920.*no H\.264 encoder here.*screenshot engine, about 7× slower/,
		);
	});

	it('--renderer forces either; forcing web on a browser that cannot encode is a problem', () => {
		expect(chooseEngine('screenshot', null, about)).toEqual({ engine: 'screenshot', notice: null });
		expect(chooseEngine('screenshot', { canRender: true, problems: [] }, about)).toEqual({ engine: 'screenshot', notice: null });
		expect(chooseEngine('web', cannot, about)).toEqual({
			problem: expect.stringMatching(/cannot encode H\.264.*which the web engine \(--renderer web\) needs/),
		});
	});

	it('keeps the verdict per browser version in --out, so the next run starts no browser to ask', async () => {
		const executable = resolveBrowserExecutable();
		expect(executable).not.toBeNull();
		const out = await makeTempDir('probe-cache-');
		const encoder = { width: 720, height: 1280, videoBitrate: 4_000_000 };
		const first = await checkBrowser({ engine: undefined, encoder, outDir: out });
		await first.closed;
		expect(first.engine).toBe('web');
		// kept only once the whole preflight passed (preflight calls keep)
		await expect(readFile(encoderProbeFile(out), 'utf8')).rejects.toThrow();
		await first.keep();
		const kept = JSON.parse(await readFile(encoderProbeFile(out), 'utf8')) as Record<string, unknown>;
		const key = probeKey(executable!, await browserVersion(executable!), encoder);
		expect(Object.keys(kept)).toEqual([key]);
		// a kept "no" for this version is believed without a browser: the engine falls back at once
		await saveVerdict(encoderProbeFile(out), key, { canRender: false, problems: ['kept verdict'] });
		const started = performance.now();
		const second = await checkBrowser({ engine: undefined, encoder, outDir: out });
		expect(second.engine).toBe('screenshot');
		expect(second.notice).toContain('kept verdict');
		expect(performance.now() - started).toBeLessThan(1000);
	});
});

/** A real Chromium started without its software H.264 encoder: what a browser built without one reports. */
const browserWithoutH264 = async (dir: string): Promise<string> => {
	const wrapper = path.join(dir, 'chromium-without-h264');
	await writeFile(wrapper, `#!/bin/sh\nexec ${JSON.stringify(resolveBrowserExecutable())} --disable-features=OpenH264SoftwareEncoder "$@"\n`);
	await chmod(wrapper, 0o755);
	return wrapper;
};

const shortScript = (title: string) =>
	json(validScript({ title, duration_target: 3, scenes: [validScene(1, { duration: 1.5 }), validScene(2, { duration: 1.5 })] }));

describe('npm run render picks the engine the browser can run', () => {
	it(
		'a browser without an H.264 encoder renders with the screenshot engine by itself, and says so; --renderer web is refused before any work',
		{ timeout: 300_000 },
		async () => {
			const dir = await makeTempDir('no-h264-');
			const env = { ...process.env, REMOTION_BROWSER_EXECUTABLE: await browserWithoutH264(dir) };
			const script = path.join(dir, 'script.json');
			await writeFile(script, shortScript('No encoder'));

			const forced = await runScript(
				'scripts/render.ts',
				['--props', script, '--out', path.join(dir, 'forced'), '--draft', '--renderer', 'web'],
				undefined,
				env,
			);
			expect(forced.code).toBe(1);
			expect(forced.stderr).toMatch(/cannot encode H\.264 at .*which the web engine \(--renderer web\) needs/);
			// refused before any voice, image or frame
			expect(await readdir(path.join(dir, 'forced', '.cache')).catch(() => [])).not.toContain('voice');

			const result = await runScript('scripts/render.ts', ['--props', script, '--out', path.join(dir, 'out'), '--draft'], undefined, env);
			expect(result.code, result.stderr).toBe(0);
			expect(result.stderr).toMatch(
				/render: the browser .*chromium-without-h264 cannot encode H\.264 at .* so this render uses the screenshot engine, about 7× slower/,
			);
			expect(result.stderr).toMatch(/browser .*chromium-without-h264 \(REMOTION_BROWSER_EXECUTABLE\): screenshot engine/);
			const folder = path.join(dir, 'out', 'no-encoder', 'douyin');
			const summary = JSON.parse(await readFile(path.join(dir, 'out', 'no-encoder', 'summary.json'), 'utf8')) as {
				platforms: Record<string, { engine?: string }>;
			};
			expect(summary.platforms.douyin?.engine).toBe('screenshot');
			const props = JSON.parse(await readFile(path.join(folder, 'props.json'), 'utf8')) as {
				scenes: { durationInFrames: number; transition: { durationInFrames: number } }[];
			};
			const frames = props.scenes.reduce((sum, s, i) => sum + s.durationInFrames - (i === 0 ? 0 : s.transition.durationInFrames), 0);
			expect((await probeMedia(path.join(folder, 'video.mp4'))).video?.frames).toBe(frames);
		},
	);

	it('renders into a folder whose path has a space and Chinese characters', { timeout: 180_000 }, async () => {
		const dir = await makeTempDir('path-');
		const out = path.join(dir, 'out dir', '中文 目录');
		const script = path.join(dir, '我的 脚本.json');
		await writeFile(script, shortScript('路径 测试'));
		const result = await runScript('scripts/render.ts', ['--props', script, '--out', out, '--draft'], undefined);
		expect(result.code, result.stderr).toBe(0);
		const folder = path.join(out, '路径-测试', 'douyin');
		const names = await readdir(folder);
		expect(names).toEqual(expect.arrayContaining(['video.mp4', 'cover.jpg', 'captions.srt', 'metadata.json']));
		const facts = await probeMedia(path.join(folder, 'video.mp4'));
		expect(facts.video?.frames).toBeGreaterThan(60);
		expect(facts.audio).not.toBeNull();
	});
});
