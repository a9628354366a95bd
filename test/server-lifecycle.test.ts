import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processesMatching } from './helpers/browser-processes';
import { ROOT } from './helpers/run-command';
import { startServer, type ServerProcess } from './helpers/server-process';
import { makeTempDir } from './helpers/temp-dir';

type JobView = { id: string; state: string; error: unknown; progress: { renderedFrames?: number; stages?: Record<string, string> } };

const WORKER = 'src/server/worker/job-worker.ts';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitFor = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> => {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value !== null) return value;
		await sleep(200);
	}
	throw new Error(`timed out waiting for ${what}`);
};

describe('a server that runs for days: cancelling, a queue, a restart', () => {
	const servers: ServerProcess[] = [];
	const start = async (out: string) => {
		// small chunks, so a killed render has finished chunks to resume from
		const server = await startServer(['--out', out], { ...process.env, REELSMITH_CHUNK_FRAMES: '60' });
		servers.push(server);
		return server;
	};
	const job = async (server: ServerProcess, id: string) => (await (await fetch(`${server.url}/api/videos/${id}`)).json()) as JobView;
	const rendering = (server: ServerProcess, id: string, frames: number) =>
		waitFor(
			`job ${id} to render ${frames} frames`,
			async () => {
				const now = await job(server, id);
				if (now.state === 'failed') throw new Error(`job ${id} failed: ${JSON.stringify(now.error)}`);
				return (now.progress.renderedFrames ?? 0) >= frames ? now : null;
			},
			180_000,
		);

	afterEach(async () => {
		for (const server of servers.splice(0)) await server.stop('SIGKILL');
		await waitFor('job workers to stop', async () => (processesMatching(WORKER).length === 0 ? true : null), 15_000);
	}, 30_000);

	it('runs a second job after the first, and cancelling a running job stops its browser within 5 s', async () => {
		const out = await makeTempDir('reelsmith-serve-cancel-');
		const server = await start(out);
		const script = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8')) as Record<string, unknown>;
		const post = async (body: unknown) => (await (await fetch(`${server.url}/api/videos`, { method: 'POST', body: JSON.stringify(body) })).json()) as JobView;
		const first = await post({ script, options: { draft: true } });
		const second = await post({ script: { ...script, title: 'Second in line' }, options: { draft: true } });
		expect((await job(server, second.id)).state).toBe('queued');
		await rendering(server, first.id, 30);
		expect((await job(server, second.id)).state).toBe('queued');
		const browsersBefore = processesMatching('chromium').length;
		expect(browsersBefore).toBeGreaterThan(0);
		const asked = performance.now();
		const cancelled = (await (await fetch(`${server.url}/api/videos/${first.id}`, { method: 'DELETE' })).json()) as JobView;
		const tookMs = performance.now() - asked;
		expect(cancelled.state).toBe('cancelled');
		expect(tookMs).toBeLessThan(5000);
		// the second job starts in its place: its browser may be up by now, but not the first one's process
		expect(processesMatching(WORKER).length).toBeLessThanOrEqual(1);
		const done = await waitFor(
			'the second job',
			async () => {
				const now = await job(server, second.id);
				return now.state === 'done' || now.state === 'failed' ? now : null;
			},
			180_000,
		);
		expect([done.state, done.error]).toEqual(['done', null]);
		await waitFor('browsers to close', async () => (processesMatching('chromium').length === 0 ? true : null), 10_000);
	}, 300_000);

	it('killed mid-render and started again, it finishes the job from the finished chunks with nothing made again', async () => {
		const out = await makeTempDir('reelsmith-serve-restart-');
		const first = await start(out);
		const script = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8')) as Record<string, unknown>;
		const created = (await (await fetch(`${first.url}/api/videos`, { method: 'POST', body: JSON.stringify(script) })).json()) as JobView;
		await rendering(first, created.id, 130);
		await first.stop('SIGKILL');
		// the job's process notices its server is gone and stops, browsers and all
		await waitFor('the orphaned worker to stop', async () => (processesMatching(WORKER).length === 0 ? true : null), 15_000);

		const second = await start(out);
		expect(second.output()).toMatch(/1 job stopped with the last server queued again/);
		const done = await waitFor(
			'the resumed job',
			async () => {
				const now = await job(second, created.id);
				return now.state === 'done' || now.state === 'failed' ? now : null;
			},
			240_000,
		);
		expect([done.state, done.error]).toEqual(['done', null]);
		expect(done.progress.stages?.render).toMatch(/resuming: [1-9]\d* of \d+ chunks/);
		const summary = JSON.parse(await readFile(path.join(out, 'render-test-three-scenes', 'summary.json'), 'utf8')) as {
			stages: Record<string, { generated: number; cached: number }>;
		};
		expect(summary.stages.voice).toMatchObject({ generated: 0, cached: 3 });
		expect(summary.stages.storyboard).toMatchObject({ generated: 0, cached: 3 });
	}, 400_000);
});
