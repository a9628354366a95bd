import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packageMismatch } from '../src/publish/package-integrity';
import { readSummary } from '../src/output/summary';
import { startFakeServer, type FakeServer } from './helpers/fake-server';
import { quadrantImage } from './helpers/quadrant-image';
import { ROOT } from './helpers/run-command';
import { json, validScene } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';

/**
 * Fault drills (issue 13): each breaks a run the way a bad day does, then checks that what was already made is
 * neither lost nor corrupted, and that running the same command again finishes the job.
 */

type Run = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

const running = new Set<ChildProcess>();

const start = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Run => {
	const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/render.ts'), ...args], {
		cwd: ROOT,
		env: { ...process.env, FORCE_COLOR: '0', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	running.add(child);
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => {
			running.delete(child);
			resolve({ code, signal });
		}),
	);
	return { child, output: () => output, exited };
};

const render = async (args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
	const run = start(args, env);
	const { code, signal } = await run.exited;
	return { code, signal, output: run.output() };
};

const waitFor = async (what: string, check: () => boolean, ms = 120_000) => {
	const until = performance.now() + ms;
	while (!check()) {
		if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
};

/** Every file under `dir` (hidden ones too) with its sha256: two equal maps mean nothing changed there. */
const hashes = async (dir: string): Promise<Record<string, string>> => {
	const names = ((await readdir(dir, { recursive: true }).catch(() => [])) as string[]).sort();
	const result: Record<string, string> = {};
	for (const name of names) {
		const bytes = await readFile(path.join(dir, name)).catch(() => null);
		if (bytes) result[name] = createHash('sha256').update(bytes).digest('hex');
	}
	return result;
};

const partials = async (dir: string) => ((await readdir(dir, { recursive: true }).catch(() => [])) as string[]).filter((n) => n.includes('.partial'));

const SCENES = [1, 2, 3].map((id) => validScene(id, { duration: 2, narration: `Drill scene ${id}.` }));

/** A small script (3 scenes of 2 s) and its video's folders. */
const drillScript = async (dir: string, title: string, narration2 = 'Drill scene 2.') => {
	const file = path.join(dir, `${title}.json`);
	const scenes = SCENES.map((s) => (s.scene_id === 2 ? { ...s, narration: narration2 } : s));
	await writeFile(file, json({ title, duration_target: 6, style: 'informative', scenes, target_platform: 'douyin' }));
	return file;
};

const packageOf = (out: string, slug: string) => ({ videoDir: path.join(out, slug), platformDir: path.join(out, slug, 'douyin') });

/** The package and summary.json agree, as `npm run upload` checks them. */
const expectWholePackage = async (platformDir: string) => {
	expect(await packageMismatch(platformDir, 'douyin')).toBeNull();
	for (const name of ['video.mp4', 'cover.jpg', 'captions.srt', 'captions.vtt', 'metadata.json', 'props.json', 'render.json']) {
		expect(existsSync(path.join(platformDir, name)), name).toBe(true);
	}
};

const OFFLINE = ['--tts', 'espeak', '--images', 'procedural', '--draft'];

describe('fault drills', () => {
	let dir: string;

	beforeAll(async () => {
		dir = await makeTempDir('reelsmith-drills-');
	});

	afterEach(async () => {
		for (const child of running) {
			const gone = new Promise((resolve) => child.on('exit', resolve));
			process.kill(-child.pid!, 'SIGKILL');
			await gone;
		}
	});

	// leaves: the previous package and summary untouched, the failed render's chunks in .douyin.staging/
	it('ffmpeg failing at the loudness step: the previous package is untouched, the next run finishes', async () => {
		const out = path.join(dir, 'loudness-out');
		const { videoDir, platformDir } = packageOf(out, 'loudness-drill');
		expect((await render(['--props', await drillScript(dir, 'loudness drill'), '--out', out, ...OFFLINE])).code).toBe(0);
		const before = await hashes(videoDir);

		const wrapper = path.join(dir, 'ffmpeg-failing-loudness');
		await writeFile(wrapper, '#!/bin/sh\ncase "$*" in *ebur128*) echo "drill: the loudness step failed" >&2; exit 1;; esac\nexec ffmpeg "$@"\n');
		await chmod(wrapper, 0o755);
		const edited = await drillScript(dir, 'loudness drill', 'Drill scene 2, said again.');
		const failed = await render(['--props', edited, '--out', out, ...OFFLINE], { REELSMITH_FFMPEG: wrapper });
		expect(failed.code, failed.output).toBe(1);
		expect(failed.output).toMatch(/render failed: .*the loudness step failed/s);
		const after = await hashes(videoDir);
		for (const [name, hash] of Object.entries(before)) if (!name.includes('.staging') && name !== 'manifest.json') expect(after[name], name).toBe(hash);
		expect(await partials(out)).toEqual([]);
		await expectWholePackage(platformDir);

		const again = await render(['--props', edited, '--out', out, ...OFFLINE]);
		expect(again.code, again.output).toBe(0);
		expect(again.output).toMatch(/resuming: \d+ of \d+ chunks/);
		await expectWholePackage(platformDir);
		expect((await hashes(platformDir))['video.mp4']).not.toBe(before['douyin/video.mp4']);
		expect(existsSync(path.join(videoDir, '.douyin.staging'))).toBe(false);
	}, 300_000);

	// leaves: after the kill, the old package renamed aside (.douyin.retired) and the new one whole in .douyin.staging;
	// the next run puts the old one back for a moment, then swaps the new one in without rendering
	it('SIGKILL during the package swap: both packages stay whole, the next run swaps in the new one without rendering', async () => {
		const out = path.join(dir, 'swap-out');
		const { videoDir, platformDir } = packageOf(out, 'swap-drill');
		expect((await render(['--props', await drillScript(dir, 'swap drill'), '--out', out, ...OFFLINE])).code).toBe(0);
		const old = await hashes(platformDir);
		const oldSummary = await readFile(path.join(videoDir, 'summary.json'), 'utf8');

		const edited = await drillScript(dir, 'swap drill', 'Drill scene 2, now longer than before.');
		const killed = await render(['--props', edited, '--out', out, ...OFFLINE], { REELSMITH_DRILL_KILL_AT: 'package-swap' });
		// tsx reports its child's death by SIGKILL as 137
		expect(killed.signal === 'SIGKILL' || killed.code === 137, killed.output).toBe(true);
		expect(await hashes(path.join(videoDir, '.douyin.retired'))).toEqual(old);
		expect(existsSync(path.join(videoDir, '.douyin.staging', 'render.json'))).toBe(true);
		expect(await readFile(path.join(videoDir, 'summary.json'), 'utf8')).toBe(oldSummary);

		const again = await render(['--props', edited, '--out', out, ...OFFLINE]);
		expect(again.code, again.output).toBe(0);
		expect(again.output).toMatch(/an interrupted run finished this package, putting it in place/);
		expect(again.output).not.toMatch(/rendering douyin/);
		await expectWholePackage(platformDir);
		expect((await hashes(platformDir))['video.mp4']).not.toBe(old['video.mp4']);
		expect((await readdir(videoDir)).filter((n) => n.startsWith('.douyin'))).toEqual([]);
	}, 300_000);

	// leaves: one package and one summary naming it; no lock file; the waiting run kept the first run's render
	it('two runs on one slug: the second waits its turn, --no-wait refuses naming the holder, other slugs run alongside', async () => {
		const out = path.join(dir, 'parallel-out');
		const { videoDir, platformDir } = packageOf(out, 'parallel-drill');
		const file = await drillScript(dir, 'parallel drill');
		const first = start(['--props', file, '--out', out, ...OFFLINE]);
		await waitFor('the first run to hold the lock', () => existsSync(path.join(videoDir, '.lock')));
		const second = start(['--props', file, '--out', out, ...OFFLINE]);
		const other = start(['--props', await drillScript(dir, 'other drill'), '--out', out, ...OFFLINE]);
		const holder = (await readFile(path.join(videoDir, '.lock'), 'utf8')).trim();
		const refused = await render(['--props', file, '--out', out, '--no-wait', ...OFFLINE]);
		expect(refused.code).toBe(1);
		expect(refused.output).toContain(`is being made by another run (pid ${holder})`);

		expect((await first.exited).code, first.output()).toBe(0);
		expect((await second.exited).code, second.output()).toBe(0);
		expect((await other.exited).code, other.output()).toBe(0);
		expect(second.output()).toMatch(/waiting: .* is being made by another run/);
		expect(second.output()).toMatch(/unchanged since the last run/);
		expect(other.output()).not.toMatch(/waiting:/);
		await expectWholePackage(platformDir);
		expect((await readSummary(path.join(videoDir, 'summary.json')))?.platforms.douyin).toBeDefined();
		expect(existsSync(path.join(videoDir, '.lock'))).toBe(false);
	}, 300_000);

	describe('a provider answering 500 halfway through', () => {
		let server: FakeServer;
		let failFrom = Infinity;
		let calls = 0;

		beforeAll(async () => {
			// the OpenAI Images API (platform.openai.com/docs/api-reference/images/create): b64_json data, or an error object
			server = await startFakeServer({
				'POST /v1/images/generations': async (request) => {
					calls += 1;
					if (calls >= failFrom)
						return { status: 500, body: { error: { message: 'The server had an error while processing your request.', type: 'server_error' } } };
					const [width, height] = String((request.json as { size: string }).size)
						.split('x')
						.map(Number) as [number, number];
					return { body: { created: 1_700_000_000, data: [{ b64_json: (await quadrantImage(width, height, 'jpeg')).toString('base64') }] } };
				},
			});
		});
		afterAll(() => server.close());

		// leaves: the images finished before the outage in the cache, no package; the rerun asks only for the rest
		it('keeps the images made before the outage and asks only for the rest when run again', async () => {
			const out = path.join(dir, 'outage-out');
			const { platformDir } = packageOf(out, 'outage-drill');
			const file = await drillScript(dir, 'outage drill');
			const env = { OPENAI_API_KEY: 'sk-drill-key-0000000000000000', OPENAI_BASE_URL: `${server.url}/v1` };
			failFrom = 3;
			const failed = await render(['--props', file, '--out', out, '--tts', 'espeak', '--images', 'openai', '--draft'], env);
			expect(failed.code, failed.output).toBe(1);
			expect(failed.output).toMatch(/scene \d.*openai|openai.*scene \d/i);
			expect(existsSync(platformDir)).toBe(false);
			const cachedImages = (await readdir(path.join(out, '.cache', 'image'))).filter((n) => n.endsWith('.meta.json'));
			expect(cachedImages).toHaveLength(2);

			failFrom = Infinity;
			calls = 0;
			const again = await render(['--props', file, '--out', out, '--tts', 'espeak', '--images', 'openai', '--draft'], env);
			expect(again.code, again.output).toBe(0);
			expect(calls).toBe(1);
			await expectWholePackage(platformDir);
		}, 300_000);
	});

	const isRoot = process.getuid?.() === 0;
	const canMount = isRoot && spawnSync('which', ['mount']).status === 0;
	if (!canMount) console.warn('fault drills: the full-disk drill needs root to mount a tmpfs; skipped');

	describe.skipIf(!canMount)('a full disk', () => {
		let mountPoint: string;
		let mounted = false;

		beforeAll(async () => {
			mountPoint = path.join(await makeTempDir('reelsmith-full-disk-'), 'out');
			await mkdir(mountPoint);
			const result = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint]);
			mounted = result.status === 0;
			if (!mounted) console.warn(`fault drills: could not mount a tmpfs (${String(result.stderr).trim()}); the full-disk drill is skipped`);
		});
		afterAll(() => {
			if (mounted) spawnSync('umount', ['-l', mountPoint]);
		});

		// leaves: the previous package whole, no partial file, the assets made before the disk filled in the cache
		it('a disk that fills up mid-render fails clearly, keeps the previous package, and the next run finishes', async (context) => {
			if (!mounted) context.skip();
			const out = mountPoint;
			const { videoDir, platformDir } = packageOf(out, 'disk-drill');
			expect((await render(['--props', await drillScript(dir, 'disk drill'), '--out', out, ...OFFLINE])).code).toBe(0);
			const before = await hashes(platformDir);

			const edited = await drillScript(dir, 'disk drill', 'Drill scene 2 on a full disk.');
			const run = start(['--props', edited, '--out', out, ...OFFLINE]);
			await waitFor('the render to start', () => /rendering douyin/.test(run.output()));
			const filler = path.join(out, 'filler');
			spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M', 'count=64'], { stdio: 'ignore' });
			const { code } = await run.exited;
			expect(code, run.output()).toBe(1);
			expect(run.output()).toMatch(/disk is full|no space left/i);
			expect(await hashes(platformDir)).toEqual(before);
			expect(await partials(out)).toEqual([]);

			await rm(filler);
			const again = await render(['--props', edited, '--out', out, ...OFFLINE]);
			expect(again.code, again.output).toBe(0);
			await expectWholePackage(platformDir);
			expect((await hashes(platformDir))['video.mp4']).not.toBe(before['video.mp4']);
			expect((await readdir(videoDir)).filter((n) => n.startsWith('.douyin'))).toEqual([]);
		}, 300_000);
	});
});
