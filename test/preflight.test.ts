import { execFileSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ownedKinds } from '../src/node/owned-resources';
import { videoToWrite } from '../src/pipeline/preflight/command-preflight';
import { estimateRunBytes, formatBytes, nearestExistingFolder, videoStreamBytes, type VideoToWrite } from '../src/pipeline/preflight/disk-space';
import { browserProblems } from '../src/pipeline/preflight/browser-check';
import { modelFindings } from '../src/pipeline/preflight/model-check';
import { preflight } from '../src/pipeline/preflight/preflight';
import { resolveBrowserExecutable } from '../src/pipeline/render/browser-executable';
import { renderSettings } from '../src/pipeline/render/render-settings';
import type { ProviderNames } from '../src/providers/provider-factory';
import { parseScriptText } from '../src/schema/parse-script';
import { startFakeServer, type FakeServer } from './helpers/fake-server';
import { listTree } from './helpers/file-tree';
import { ROOT, runScript } from './helpers/run-command';
import { json, validScene, validScript } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';

const FIXTURE = path.join(ROOT, 'test/fixtures/three-scenes.json');
const OFFLINE: ProviderNames = { llm: 'offline', tts: ['espeak'], images: 'procedural' };
const MiB = 2 ** 20;

/** A fake provider server every remote provider of the run points at: a request reaching it is a provider call. */
let fake: FakeServer;
beforeAll(async () => {
	fake = await startFakeServer({});
});
afterAll(() => fake.close());

const paidEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
	...process.env,
	OPENAI_API_KEY: 'sk-test-preflight',
	OPENAI_BASE_URL: `${fake.url}/v1`,
	IMAGE_API_KEY: 'image-test-preflight',
	IMAGE_BASE_URL: `${fake.url}/v1`,
	...extra,
});
const PAID = ['--tts', 'openai', '--images', 'compatible'];

/** Runs a CLI in a fresh folder with `env`; returns its result, how long it took and what it made under --out. */
const runIn = async (command: 'render' | 'make', env: NodeJS.ProcessEnv, extra: readonly string[] = [], out?: string) => {
	const dir = await makeTempDir('reelsmith-preflight-cli-');
	const outDir = out ?? path.join(dir, 'out');
	const args =
		command === 'render'
			? ['--props', FIXTURE, '--out', outDir, ...extra]
			: ['--from', path.join(ROOT, 'examples/ai-writing-article.md'), '--out', outDir, ...extra];
	const started = performance.now();
	const result = await runScript(`scripts/${command}.ts`, args, ROOT, env);
	return { ...result, seconds: (performance.now() - started) / 1000, made: await listTree(outDir) };
};

const BROWSER_FIXES = [/REMOTION_BROWSER_EXECUTABLE/, /apt-get install chromium-headless-shell/, /--renderer screenshot/];

describe('the disk estimate', () => {
	const hd: VideoToWrite = { width: 1920, height: 1080, fps: 30, seconds: 60, bitsPerPixel: 0.13, scenes: 6 };

	it("is the videos at the render bitrate, the largest one's chunks and join files again, voices and images, and a margin", () => {
		const stream = videoStreamBytes(hd);
		expect(stream).toBeCloseTo((1920 * 1080 * 30 * 0.13 * 60) / 8); // 8 Mbit/s for a minute: about 58 MiB
		const pcm = 48_000 * 4 * 60;
		const aac = 24_000 * 60;
		expect(estimateRunBytes([hd])).toBe(Math.ceil(stream + aac + 2 * stream + 2 * pcm + 6 * 2 * MiB + 32 * MiB));
		// about three times the video: the video, and its chunks and joined stream until it is in place
		expect(estimateRunBytes([hd]) / stream).toBeGreaterThan(3);
		expect(estimateRunBytes([hd]) / stream).toBeLessThan(4.5);
	});

	it('grows with the length, the size and the bitrate; platforms add their videos, only one works at a time', () => {
		const twice = { ...hd, seconds: 120 };
		expect(estimateRunBytes([twice])).toBeGreaterThan(1.9 * (estimateRunBytes([hd]) - 44 * MiB));
		const draft = { ...hd, width: 960, height: 540, bitsPerPixel: 0.06 };
		expect(videoStreamBytes(draft)).toBeCloseTo((videoStreamBytes(hd) / 4) * (0.06 / 0.13));
		expect(estimateRunBytes([draft])).toBeLessThan(estimateRunBytes([hd]) / 2);
		const two = estimateRunBytes([hd, { ...hd, width: 1080, height: 1920 }]);
		expect(two - estimateRunBytes([hd])).toBeCloseTo(videoStreamBytes(hd) + 24_000 * 60 + 6 * 2 * MiB, -1);
		// Lambda downloads side by side (H.264 and 16-bit stereo PCM), each encoded into its final copy; no chunks
		const download = videoStreamBytes(hd) + 192_000 * 60;
		expect(estimateRunBytes([hd, hd], 'lambda')).toBe(Math.ceil(2 * (videoStreamBytes(hd) + 24_000 * 60) + 2 * download + 12 * 2 * MiB + 32 * MiB));
	});

	it("takes each platform's size from the script and the render's scale and bitrate, its length from the scripted durations", () => {
		const parsed = parseScriptText(
			json(validScript({ scenes: [validScene(1, { duration: 8 }), validScene(2, { duration: 7 })], duration_target: 15, fps: 25 })),
		);
		if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
		expect(videoToWrite(parsed.script, 'douyin', renderSettings(false))).toEqual({
			width: 1080,
			height: 1920,
			fps: 25,
			seconds: 15,
			bitsPerPixel: 0.13,
			scenes: 2,
		});
		expect(videoToWrite(parsed.script, 'bilibili', renderSettings(true))).toEqual({
			width: 960,
			height: 540,
			fps: 25,
			seconds: 15,
			bitsPerPixel: 0.06,
			scenes: 2,
		});
	});

	it('looks at the nearest folder that exists, and prints sizes for people', async () => {
		const dir = await makeTempDir('reelsmith-preflight-near-');
		expect(await nearestExistingFolder(path.join(dir, 'a', 'b', 'c'))).toBe(dir);
		expect(formatBytes(58.4 * MiB)).toBe('58 MiB');
		expect(formatBytes(1.96 * MiB)).toBe('2.0 MiB');
		expect(formatBytes(512)).toBe('512 bytes');
	});
});

describe('models known', () => {
	const images = (env: NodeJS.ProcessEnv) => modelFindings({ names: { ...OFFLINE, images: 'openai' } }, env);

	it('a retired OpenAI image model is a problem naming the variable and the models that are served', () => {
		const { problems } = images({ OPENAI_IMAGE_MODEL: 'gpt-image-1' });
		expect(problems).toEqual([
			{
				path: 'OPENAI_IMAGE_MODEL',
				message: expect.stringMatching(/gpt-image-1 is not served: OpenAI has retired it; use one of gpt-image-1\.5, gpt-image-1-mini/),
			},
		]);
		expect(images({ OPENAI_IMAGE_MODEL: 'dall-e-3' }).problems[0]?.message).toMatch(/DALL·E/);
	});

	it('known models pass; an unknown one on OpenAI is only a warning; another server may serve any name', () => {
		expect(images({ OPENAI_IMAGE_MODEL: 'gpt-image-1-mini' })).toEqual({ problems: [], warnings: [] });
		expect(images({})).toEqual({ problems: [], warnings: [] });
		const unknown = images({ OPENAI_IMAGE_MODEL: 'gpt-image-9' });
		expect(unknown.problems).toEqual([]);
		expect(unknown.warnings[0]).toMatch(/OPENAI_IMAGE_MODEL=gpt-image-9 is not a model this project knows \(gpt-image-1\.5, gpt-image-1-mini\)/);
		const compatible = images({ OPENAI_IMAGE_MODEL: 'gpt-image-1', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
		expect(compatible.problems).toEqual([]);
		expect(compatible.warnings[0]).toMatch(/OPENAI_BASE_URL points at another server/);
		expect(images({ OPENAI_IMAGE_MODEL: 'my-flux', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' })).toEqual({ problems: [], warnings: [] });
	});

	it('only stages that call OpenAI are checked: the compatible endpoint and offline providers take any name', () => {
		const env = { OPENAI_IMAGE_MODEL: 'gpt-image-1', IMAGE_MODEL: 'anything/at-all', REELSMITH_OPENAI_TTS_MODEL: 'tts-9', REELSMITH_LLM_MODEL: 'gpt-9' };
		expect(modelFindings({ names: { ...OFFLINE, images: 'compatible' } }, env)).toEqual({ problems: [], warnings: [] });
		const all = modelFindings({ names: { llm: 'openai', tts: ['edge', 'openai'], images: 'none' }, llmModelFlag: 'gpt-4o' }, env);
		expect(all.problems).toEqual([]);
		expect(all.warnings).toEqual([
			expect.stringMatching(/^REELSMITH_OPENAI_TTS_MODEL=tts-9 is not a model this project knows \(gpt-4o-mini-tts, tts-1, tts-1-hd\)/),
		]);
	});
});

describe('the browser check', () => {
	const saved = process.env.REMOTION_BROWSER_EXECUTABLE;
	afterEach(() => {
		if (saved === undefined) delete process.env.REMOTION_BROWSER_EXECUTABLE;
		else process.env.REMOTION_BROWSER_EXECUTABLE = saved;
	});
	const encoder = { width: 1080, height: 1920, videoBitrate: 8_087_040 };
	/** What this process left: owned resources, and temp folders named after it (browser profiles, the check's folder). */
	const leftovers = async () => [...ownedKinds(), ...(await readdir(os.tmpdir())).filter((name) => name.includes(`-${process.pid}-`))];

	it.skipIf(!resolveBrowserExecutable())(
		'opens one page with the real browser, asks its H.264 encoder about the output, and leaves nothing behind',
		async () => {
			const report = await preflight({ ffmpeg: true, browser: { engine: 'web', encoder } });
			console.warn(`browser check: ${(report.browserMs! / 1000).toFixed(1)} s (with the page's bundle built, which the render then reuses)`);
			expect(report.passed).toEqual([
				'ffmpeg',
				`browser ${resolveBrowserExecutable()} (Debian's chromium-headless-shell) encodes H.264 at 1080x1920: web engine`,
			]);
			expect(report.engine).toBe('web');
			// the browser goes away in the background, the run need not wait for it
			await report.browserClosed;
			expect(await leftovers()).toEqual([]);
			const again = performance.now();
			// a size no H.264 encoder takes: the problem the check reports for a browser without one
			const [tooLarge] = await browserProblems({ engine: 'web', encoder: { ...encoder, width: 16384, height: 16384 } });
			console.warn(`browser check, bundle already built: ${((performance.now() - again) / 1000).toFixed(1)} s`);
			expect(tooLarge?.message).toMatch(/the browser .* cannot encode H\.264 at 16384x16384, 8087040 bit\/s \(no H\.264 encoder here takes/);
			for (const fix of BROWSER_FIXES) expect(tooLarge?.message).toMatch(fix);
			expect(await leftovers()).toEqual([]);
		},
		90_000,
	);

	it('a path that does not exist and a program that is no browser are problems with the fixes, and leave nothing behind', async () => {
		process.env.REMOTION_BROWSER_EXECUTABLE = '/no/such/chromium';
		const [missing] = await browserProblems({ engine: 'web', encoder });
		expect(missing?.path).toBe('REMOTION_BROWSER_EXECUTABLE');
		expect(missing?.message).toMatch(/\/no\/such\/chromium, which does not exist/);
		process.env.REMOTION_BROWSER_EXECUTABLE = '/bin/false';
		const [notBrowser] = await browserProblems({ engine: 'web', encoder });
		expect(notBrowser?.message).toMatch(/the browser \/bin\/false did not answer/);
		for (const fix of BROWSER_FIXES) expect(notBrowser?.message).toMatch(fix);
		expect(await leftovers()).toEqual([]);
	}, 60_000);

	it('the screenshot engine only needs a configured browser to exist: without one Remotion downloads its own', async () => {
		delete process.env.REMOTION_BROWSER_EXECUTABLE;
		expect(await browserProblems({ engine: 'screenshot', encoder })).toEqual([]);
		process.env.REMOTION_BROWSER_EXECUTABLE = '/bin/false';
		expect(await browserProblems({ engine: 'screenshot', encoder })).toEqual([]);
		process.env.REMOTION_BROWSER_EXECUTABLE = '/no/such/chromium';
		expect((await browserProblems({ engine: 'screenshot', encoder }))[0]?.message).toMatch(
			/does not exist; fix the path, or unset REMOTION_BROWSER_EXECUTABLE/,
		);
	});
});

describe('npm run render and make check the environment before any provider call, asset or frame', () => {
	it.each([
		[
			'a browser path that does not exist',
			'/no/such/chromium',
			/REMOTION_BROWSER_EXECUTABLE: REMOTION_BROWSER_EXECUTABLE points to \/no\/such\/chromium, which does not exist/,
		],
		['a program that is no browser', '/bin/false', /REMOTION_BROWSER_EXECUTABLE: the browser \/bin\/false did not answer/],
	])(
		'render with %s: exit 1 at once, the problem and its fixes, no file, no provider call',
		async (_name, browser, problem) => {
			const before = fake.requests.length;
			const result = await runIn('render', paidEnv({ REMOTION_BROWSER_EXECUTABLE: browser }), PAID);
			console.warn(`render with ${browser}: exit ${result.code} after ${result.seconds.toFixed(1)} s`);
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(/environment: 1 problem\n/);
			expect(result.stderr).toMatch(problem);
			for (const fix of BROWSER_FIXES) expect(result.stderr).toMatch(fix);
			expect(result.stderr).not.toMatch(/voice |storyboard|rendering|\n\s+at /);
			expect(result.made).toEqual([]);
			expect(fake.requests.length - before).toBe(0);
			expect(result.seconds).toBeLessThan(30);
		},
		60_000,
	);

	it('make with a program that is no browser: exit 1 before the script, voices, images or frames', async () => {
		const before = fake.requests.length;
		const result = await runIn('make', paidEnv({ REMOTION_BROWSER_EXECUTABLE: '/bin/false' }), PAID);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/REMOTION_BROWSER_EXECUTABLE: the browser \/bin\/false did not answer/);
		expect(result.stderr).not.toMatch(/script {5}|voice |storyboard/);
		expect(result.made).toEqual([]);
		expect(fake.requests.length - before).toBe(0);
	}, 60_000);

	it('no ffmpeg and no browser: both are listed in one run', async () => {
		const result = await runIn('render', paidEnv({ REMOTION_BROWSER_EXECUTABLE: '/bin/false', REELSMITH_FFMPEG: '/no/such/ffmpeg' }), PAID);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/environment: 2 problems\n/);
		expect(result.stderr).toMatch(/ - ffmpeg: ffmpeg \(\/no\/such\/ffmpeg\) could not be run: not found; .*apt-get install ffmpeg/);
		expect(result.stderr).toMatch(/ - REMOTION_BROWSER_EXECUTABLE: the browser \/bin\/false did not answer/);
		expect(result.made).toEqual([]);
	}, 60_000);

	it('input problems come first: a script over the platform limit with no browser exits 2', async () => {
		const dir = await makeTempDir('reelsmith-preflight-order-');
		const file = path.join(dir, 'long.json');
		await writeFile(file, json(validScript({ scenes: Array.from({ length: 150 }, (_, i) => validScene(i + 1, { duration: 6 })), duration_target: 900 })));
		const result = await runScript(
			'scripts/render.ts',
			['--props', file, '--out', path.join(dir, 'out')],
			ROOT,
			paidEnv({ REMOTION_BROWSER_EXECUTABLE: '/bin/false' }),
		);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/longer than douyin's limit of 600 s/);
		expect(result.stderr).not.toMatch(/REMOTION_BROWSER_EXECUTABLE/);
	}, 60_000);

	it('lambda:render checks ffmpeg and disk here, not the browser (Lambda renders in the cloud): exit 1 before any AWS call', async () => {
		const dir = await makeTempDir('reelsmith-preflight-lambda-');
		const out = path.join(dir, 'out');
		const env = {
			...process.env,
			REMOTION_AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE',
			REMOTION_AWS_SECRET_ACCESS_KEY: 'fake-secret',
			// were the environment not checked first, the SDK would reach nothing
			AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
			REELSMITH_FFMPEG: '/no/such/ffmpeg',
			REMOTION_BROWSER_EXECUTABLE: '/bin/false',
		};
		const result = await runScript('scripts/lambda-render.ts', ['--props', FIXTURE, '--out', out], ROOT, env);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/environment: 1 problem\n  - ffmpeg: ffmpeg \(\/no\/such\/ffmpeg\) could not be run/);
		expect(result.stderr).not.toMatch(/REMOTION_BROWSER_EXECUTABLE|S3|lambda:render failed/);
		expect(await listTree(out)).toEqual([]);
	}, 60_000);

	it('a retired image model: exit 1 naming the variable and the models that are served, no file', async () => {
		// OpenAI's own endpoint (no OPENAI_BASE_URL): refused before any call, so nothing leaves the machine
		const env: NodeJS.ProcessEnv = { ...process.env, OPENAI_API_KEY: 'sk-test-preflight', OPENAI_IMAGE_MODEL: 'gpt-image-1' };
		delete env.OPENAI_BASE_URL;
		const result = await runIn('render', env, ['--images', 'openai']);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/ - OPENAI_IMAGE_MODEL: gpt-image-1 is not served: OpenAI has retired it; use one of gpt-image-1\.5, gpt-image-1-mini/);
		expect(result.stderr).not.toMatch(/storyboard|rendering/);
		expect(result.made).toEqual([]);
	}, 60_000);
});

describe('free disk space under --out', () => {
	const isRoot = process.getuid?.() === 0;
	if (!isRoot) console.warn('skipping the tmpfs disk test: not running as root, so no tmpfs can be mounted');
	let mountPoint: string | null = null;
	let skipReason = '';

	beforeAll(async () => {
		if (!isRoot) return;
		const dir = path.join(await makeTempDir('reelsmith-preflight-disk-'), 'small');
		await mkdir(dir);
		try {
			execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'pipe' });
			mountPoint = dir;
		} catch (error) {
			skipReason = `mount -t tmpfs failed (${String((error as Error).message).split('\n')[0]})`;
		}
	});
	afterAll(() => {
		if (mountPoint) execFileSync('umount', [mountPoint]);
	});

	it.skipIf(!isRoot)(
		'a 2 MiB tmpfs as --out: exit 1 naming the path, what is free and what is needed; nothing written there',
		async (context) => {
			if (!mountPoint) {
				console.warn(`skipping the tmpfs disk test: ${skipReason}`);
				context.skip();
				return;
			}
			const out = path.join(mountPoint, 'out');
			const result = await runIn('render', process.env, [], out);
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(/environment: 1 problem\n/);
			expect(result.stderr).toMatch(
				new RegExp(
					`--out: this run needs about \\d+ MiB of disk under ${out} .*but only 2\\.0 MiB is free on the filesystem of ${mountPoint}; free some space there or pick a folder on a larger disk with --out`,
				),
			);
			expect(await listTree(mountPoint)).toEqual([]);
		},
		60_000,
	);
});
