import { describe, expect, it } from 'vitest';
import { aggregateProgress, formatBatchProgress, type JobProgress } from '../src/lambda/batch-progress';
import { planChunks } from '../src/lambda/lambda-plan';
import { renderBatch, type BatchJob } from '../src/lambda/render-batch';
import { fatal, FakeLambdaClient, SUCCESS } from './helpers/fake-lambda-client';

/** Lets other renders run between polls, without waiting. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const job = (n: number, frames = 600, framesPerLambda = 120): BatchJob => ({
	id: `video-${n}`,
	label: `out/video-${n}/douyin`,
	totalFrames: frames,
	lambdas: planChunks(frames, framesPerLambda, 1000).lambdas,
	request: {
		region: 'us-east-1',
		functionName: 'remotion-render-fake',
		serveUrl: 'https://fake/sites/reelsmith/index.html',
		composition: 'ShortVideo',
		inputProps: { title: `video ${n}`, platform: 'douyin', frames },
		framesPerLambda,
		jpegQuality: 80,
		x264Preset: 'veryfast',
		crf: 20,
		scale: 1,
		colorSpace: 'bt709',
	},
});

/** A render that takes several polls, so renders overlap. */
const slow = {
	steps: [
		{ overallProgress: 0.25 },
		{ overallProgress: 0.5 },
		{ overallProgress: 0.75 },
		{ done: true, overallProgress: 1, costUsd: 0.003, lambdasInvoked: 6 },
	],
};

describe('renders on Lambda in a batch', () => {
	it('never runs more renders than the account holds (each takes 6 Lambdas, the account 14)', async () => {
		const client = new FakeLambdaClient();
		client.scenario = () => slow;
		const jobs = Array.from({ length: 7 }, (_, n) => job(n));
		expect(jobs[0]!.lambdas).toBe(6);
		const outcomes = await renderBatch({ client, jobs, maxRenders: 10, accountConcurrency: 14, pollIntervalMs: 0, sleep: tick });
		expect(outcomes.every((o) => o.ok)).toBe(true);
		expect(client.maxInFlight).toBe(2);
		expect(client.maxInFlightLambdas).toBeLessThanOrEqual(14);
		expect(client.callsTo('renderMedia')).toHaveLength(7);
	});

	it('never runs more renders than configured, however large the account', async () => {
		const client = new FakeLambdaClient();
		client.scenario = () => slow;
		await renderBatch({ client, jobs: Array.from({ length: 8 }, (_, n) => job(n)), maxRenders: 3, accountConcurrency: 1000, pollIntervalMs: 0, sleep: tick });
		expect(client.maxInFlight).toBe(3);
	});

	it('still renders a video bigger than the account, alone', async () => {
		const client = new FakeLambdaClient();
		const outcomes = await renderBatch({ client, jobs: [job(1, 6000), job(2, 6000)], maxRenders: 10, accountConcurrency: 8, pollIntervalMs: 0, sleep: tick });
		expect(outcomes.every((o) => o.ok)).toBe(true);
		expect(client.maxInFlight).toBe(1);
	});

	it('polls every render into one combined progress report', async () => {
		const client = new FakeLambdaClient();
		client.scenario = () => slow;
		const reports: (readonly JobProgress[])[] = [];
		await renderBatch({
			client,
			jobs: [job(1, 300), job(2, 900)],
			maxRenders: 10,
			accountConcurrency: 1000,
			pollIntervalMs: 0,
			sleep: tick,
			onProgress: (jobs) => reports.push(jobs),
		});
		expect(client.callsTo('getRenderProgress')).toHaveLength(8);
		const fractions = reports.map((r) => aggregateProgress(r).fraction);
		// never goes backwards, and passes through the weighted middle: 0.25 of 300 frames and 0.25 of 900
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
		expect(fractions).toContain(0.25);
		const last = aggregateProgress(reports.at(-1)!);
		expect(last).toMatchObject({ videos: 2, fraction: 1, totalFrames: 1200, framesRendered: 1200, costUsd: 0.006 });
		expect(last.counts).toMatchObject({ done: 2, rendering: 0, failed: 0 });
	});

	it('retries a failed render once, and reports the cost of both tries', async () => {
		const client = new FakeLambdaClient();
		client.scenario = (request, attempt) => (request.inputProps.title === 'video 2' && attempt === 1 ? fatal('Chrome crashed') : SUCCESS);
		const outcomes = await renderBatch({ client, jobs: [job(1), job(2), job(3)], maxRenders: 10, accountConcurrency: 1000, pollIntervalMs: 0, sleep: tick });
		expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
		const retried = outcomes[1]!;
		expect(retried).toMatchObject({ ok: true, attempts: 2 });
		if (!retried.ok) throw new Error('unreachable');
		expect(retried.failedRenderIds).toHaveLength(1);
		expect(retried.renderId).not.toBe(retried.failedRenderIds[0]);
		expect(retried.costUsd).toBeCloseTo(0.0007 + 0.002, 10);
		expect(client.callsTo('renderMedia')).toHaveLength(4);
	});

	it('retries a render that could not start', async () => {
		const client = new FakeLambdaClient();
		client.scenario = (_request, attempt) => (attempt === 1 ? { startError: new Error('TooManyRequestsException: Rate Exceeded.') } : SUCCESS);
		const [outcome] = await renderBatch({ client, jobs: [job(1)], maxRenders: 1, accountConcurrency: 1000, pollIntervalMs: 0, sleep: tick });
		expect(outcome).toMatchObject({ ok: true, attempts: 2, failedRenderIds: [] });
	});

	it('reports a render that fails twice with its render id and error, and finishes the others', async () => {
		const client = new FakeLambdaClient();
		client.scenario = (request) => (request.inputProps.title === 'video 1' ? fatal('Timeout: delayRender() was called but not cleared', 7) : SUCCESS);
		const packaged: string[] = [];
		const outcomes = await renderBatch({
			client,
			jobs: [job(1), job(2)],
			maxRenders: 10,
			accountConcurrency: 1000,
			pollIntervalMs: 0,
			sleep: tick,
			afterRender: async (j) => void packaged.push(j.id),
		});
		const failed = outcomes[0]!;
		expect(failed.ok).toBe(false);
		if (failed.ok) throw new Error('unreachable');
		expect(failed.attempts).toBe(2);
		expect(failed.renderId).toMatch(/^render-\d+$/);
		expect(failed.error).toContain('chunk 7: Timeout: delayRender() was called but not cleared');
		expect(failed.error).toMatch(/\(first try render-\d+: chunk 7: Timeout/);
		expect(failed.costUsd).toBeCloseTo(0.0014, 10);
		expect(outcomes[1]).toMatchObject({ ok: true, attempts: 1 });
		expect(packaged).toEqual(['video-2']);
	});

	it('reports a video whose download or packaging fails with the render id', async () => {
		const client = new FakeLambdaClient();
		const [outcome] = await renderBatch({
			client,
			jobs: [job(1)],
			maxRenders: 1,
			accountConcurrency: 1000,
			pollIntervalMs: 0,
			sleep: tick,
			afterRender: async () => {
				throw new Error('NoSuchKey: renders/render-1/out.mp4');
			},
		});
		expect(outcome).toMatchObject({ ok: false, renderId: 'render-1', error: 'NoSuchKey: renders/render-1/out.mp4', attempts: 1 });
	});
});

describe('combined progress', () => {
	const state = (id: string, patch: Partial<JobProgress>): JobProgress => ({
		id,
		status: 'rendering',
		progress: 0,
		framesRendered: 0,
		totalFrames: 100,
		costUsd: 0,
		...patch,
	});

	it('weights each video by its frames and counts finished and failed videos as whole', () => {
		const progress = aggregateProgress([
			state('a', { status: 'done', totalFrames: 100, costUsd: 0.002 }),
			state('b', { progress: 0.5, framesRendered: 150, totalFrames: 300, costUsd: 0.001 }),
			state('c', { status: 'queued', totalFrames: 500 }),
			state('d', { status: 'failed', totalFrames: 100, framesRendered: 20, costUsd: 0.0005 }),
		]);
		expect(progress.fraction).toBeCloseTo((100 + 150 + 0 + 100) / 1000, 10);
		expect(progress).toMatchObject({ videos: 4, framesRendered: 270, totalFrames: 1000 });
		expect(progress.costUsd).toBeCloseTo(0.0035, 10);
		expect(progress.counts).toEqual({ queued: 1, rendering: 1, retrying: 0, packaging: 0, done: 1, failed: 1 });
		expect(formatBatchProgress(progress, 75_000)).toBe(
			'[########................] 35% 1/4 done, 1 rendering, 1 queued, 1 failed; frames 270/1000; $0.0035 so far; 1:15',
		);
	});

	it('is empty before anything starts', () => {
		expect(aggregateProgress([]).fraction).toBe(0);
		expect(formatBatchProgress(aggregateProgress([state('a', { status: 'queued' })]), 0)).toContain('0% 0/1 done, 1 queued');
	});
});
