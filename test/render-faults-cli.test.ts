import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { descendantsMatching, processesMatching } from './helpers/browser-processes';
import { makeTempDir } from './helpers/temp-dir';
import { deadPid } from './helpers/dead-pid';
import { ROOT } from './helpers/run-command';

/** A run of `npm run render` in its own process group, as a terminal starts it, with its output collected. */
type Run = { child: ChildProcess; output: () => string; exited: Promise<{ status: number; ms: number }> };

/** Runs still going; a failed test must not leave its run drawing into the next test's folders. */
const running = new Set<ChildProcess>();

const startRender = (args: readonly string[], env: NodeJS.ProcessEnv): Run => {
	const child = spawn('npm', ['run', '--silent', 'render', '--', ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env, FORCE_COLOR: '0' },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	running.add(child);
	child.on('exit', () => running.delete(child));
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const started = performance.now();
	// the status a shell reports: npm passes a signal on, waits for the run, then ends by the same signal
	const exited = new Promise<{ status: number; ms: number }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ status: code ?? 128 + os.constants.signals[signal!], ms: performance.now() - started })),
	);
	return { child, output: () => output, exited };
};

const waitFor = async (what: string, check: () => boolean, ms = 240_000) => {
	const until = performance.now() + ms;
	while (!check()) {
		if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
};

/** What our runs left in a temp folder: everything but tsx's own compile cache (tsx-<uid>), which it keeps by design. */
const oursIn = async (temp: string) => (await readdir(temp)).filter((name) => !/^tsx-\d+$/.test(name));

/** Finished chunk files (`<first>-<last>.mp4`) of a render kept under `root`; a partial chunk doesn't count. */
const finishedChunks = (root: string) =>
	(existsSync(root) ? (readdirSync(root, { recursive: true }) as string[]) : []).filter((name) => /\.chunks\/.*\/\d+-\d+\.mp4$/.test(name));

/** Every file under `root` whose name marks it as partial (written before a rename). */
const partialFiles = async (root: string) =>
	((await readdir(root, { recursive: true }).catch(() => [])) as string[]).filter((name) => path.basename(name).includes('.partial'));

const stopRunning = async () => {
	for (const child of running) {
		const gone = new Promise((resolve) => child.on('exit', resolve));
		process.kill(-child.pid!, 'SIGKILL');
		await gone;
	}
};

describe('npm run render on a bad day', () => {
	let dir: string;
	let script: string;
	let out: string;
	let temp: string;
	// chunks of 60 frames at draft size: several chunks in a short video, so a run can die between them
	const env = () => ({ TMPDIR: temp, REELSMITH_CHUNK_FRAMES: '60' });
	const args = () => ['--props', script, '--out', out, '--draft'];

	afterEach(stopRunning);

	beforeAll(async () => {
		dir = await makeTempDir('reelsmith-faults-');
		temp = path.join(dir, 'tmp');
		out = path.join(dir, 'out');
		script = path.join(dir, 'script.json');
		await mkdir(temp);
		const fixture = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8'));
		await writeFile(script, JSON.stringify({ ...fixture, title: 'bad day' }));
	});

	it('exits 1 within 30 s with the chunk, the frame, the log and "run again to resume" when the browser is killed', async () => {
		const run = startRender(args(), env());
		// a chunk is kept once its file is on disk, which may be well after its frames are drawn on a busy machine;
		// then each chunk starts a browser of its own
		let browsers: number[] = [];
		await waitFor('a browser drawing a chunk after a kept one', () => {
			browsers = finishedChunks(out).length > 0 ? descendantsMatching(run.child.pid!, '--type=renderer') : [];
			return browsers.length > 0;
		});
		const killedAt = performance.now();
		for (const pid of browsers) process.kill(pid, 'SIGKILL');
		const { status } = await run.exited;
		expect(performance.now() - killedAt).toBeLessThan(30_000);
		expect(status).toBe(1);
		const failure = run
			.output()
			.split('\n')
			.find((line) => line.startsWith('render failed:'))!;
		expect(failure).toMatch(
			/^render failed: chunk \d+ of \d+ \(frames \d+–\d+\) failed at frame \d+: .*; Chromium's log: .*chromium\.log; run again to resume \([1-9]\d* of \d+ chunks are kept\)$/,
		);
		expect(run.output()).not.toMatch(/\n\s+at /);
		expect(await partialFiles(out)).toEqual([]);
	}, 300_000);

	it('resumes from the kept chunks on the next run, to a video with every frame, sweeping what killed runs left', async () => {
		const dead = await deadPid();
		const leftovers = [
			path.join(out, 'bad-day', 'bilibili', `.video.mp4.${dead}.partial.mp4`),
			path.join(out, '.cache', 'voice', `.abc.wav.${dead}.partial-3.wav`),
		];
		for (const file of leftovers) {
			await mkdir(path.dirname(file), { recursive: true });
			await writeFile(file, 'half');
		}
		const run = startRender(args(), env());
		const { status } = await run.exited;
		expect(run.output()).toMatch(/resuming: [1-9]\d* of \d+ chunks/);
		expect(status).toBe(0);
		const summary = JSON.parse(await readFile(path.join(out, 'bad-day', 'summary.json'), 'utf8'));
		const video = path.join(out, 'bad-day', 'bilibili', 'video.mp4');
		expect((await probeMedia(video)).video?.frames).toBe(summary.platforms.bilibili.durationInFrames);
		expect(await readdir(path.join(out, 'bad-day', 'bilibili'))).not.toContain('.video.mp4.chunks');
		expect(await partialFiles(out)).toEqual([]);
		expect(await oursIn(temp)).toEqual([]);
	}, 300_000);

	it('stops on SIGINT to its process group with exit 130, leaving no browser, no temp folder and no partial file', async () => {
		const run = startRender([...args(), '--platform', 'douyin'], env());
		await waitFor('the render to start drawing', () => /rendered [1-9]\d*\//.test(run.output()));
		process.kill(-run.child.pid!, 'SIGINT');
		expect((await run.exited).status).toBe(130);
		expect(run.output()).toMatch(/render: interrupted by SIGINT; run the same command again to resume; stopped or removed .*browser/);
		await new Promise((r) => setTimeout(r, 500));
		expect(processesMatching(temp)).toEqual([]);
		expect(await oursIn(temp)).toEqual([]);
		expect(await partialFiles(out)).toEqual([]);
	}, 300_000);

	it('stops when npm alone gets SIGTERM (npm does not pass it on), leaving nothing behind', async () => {
		const run = startRender([...args(), '--platform', 'youtube'], env());
		await waitFor('the render to start drawing', () => /rendered [1-9]\d*\//.test(run.output()));
		const node = descendantsMatching(run.child.pid!, 'scripts/render.ts').at(-1)!;
		process.kill(run.child.pid!, 'SIGTERM');
		expect((await run.exited).status).toBe(143);
		await waitFor('the orphaned run to stop', () => !processesMatching('scripts/render.ts').includes(node), 20_000);
		expect(processesMatching(temp)).toEqual([]);
		expect(await oursIn(temp)).toEqual([]);
		expect(await partialFiles(out)).toEqual([]);
	}, 300_000);
});
