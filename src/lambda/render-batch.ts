import { stripSignedQueries } from '../config/redact-secrets';
import type { JobProgress } from './batch-progress';
import type { LambdaClient, LambdaRenderProgress, MediaRenderRequest } from './lambda-client';
import { LambdaSlots } from './lambda-slots';

export type BatchJob = {
	readonly id: string;
	/** How the video is named in messages, e.g. `out/<slug>/douyin`. */
	readonly label: string;
	readonly totalFrames: number;
	/** Functions the render keeps busy at once: its renderers and the main function. */
	readonly lambdas: number;
	readonly request: MediaRenderRequest;
};

export type RenderedVideo = {
	readonly renderId: string;
	readonly bucketName: string;
	/** Every attempt's cost, USD, as Remotion reports it. */
	readonly costUsd: number;
	readonly attempts: number;
	readonly lambdasInvoked: number;
	readonly wallMs: number;
	/** Render ids of failed attempts before the one that worked. */
	readonly failedRenderIds: readonly string[];
};

export type JobOutcome =
	| ({ readonly ok: true; readonly job: BatchJob } & RenderedVideo)
	| {
			readonly ok: false;
			readonly job: BatchJob;
			readonly renderId: string | null;
			readonly error: string;
			readonly attempts: number;
			readonly costUsd: number;
	  };

export type RenderBatchOptions = {
	readonly client: LambdaClient;
	readonly jobs: readonly BatchJob[];
	/** Videos rendering at once, at most. */
	readonly maxRenders: number;
	readonly accountConcurrency: number;
	readonly pollIntervalMs?: number;
	/** Injected so tests need not wait. */
	readonly sleep?: (ms: number) => Promise<void>;
	readonly onProgress?: (jobs: readonly JobProgress[]) => void;
	/** Download and package one video; runs outside the Lambda bound. A failure fails that video only. */
	readonly afterRender?: (job: BatchJob, rendered: RenderedVideo) => Promise<void>;
	/** Local work after renders (downloads, ffmpeg) at once, at most. */
	readonly afterRenderConcurrency?: number;
};

/** A render gets one more go after a failure; a second failure is reported, and the others carry on. */
const ATTEMPTS = 2;
/** Polls that may fail in a row (network) before the attempt counts as failed. */
const POLL_FAILURES = 3;

type Attempt =
	{ ok: true; renderId: string; bucketName: string; progress: LambdaRenderProgress } | { ok: false; renderId: string | null; error: string; costUsd: number };

// a renderer's message quotes the asset URL it failed on: the object stays named, its signature does not travel on
const messageOf = (error: unknown) => stripSignedQueries(error instanceof Error ? error.message : String(error));

const fatalMessage = (progress: LambdaRenderProgress) => {
	const fatal = progress.errors.filter((e) => e.isFatal);
	const shown = (fatal.length > 0 ? fatal : progress.errors).map((e) => (e.chunk !== null ? `chunk ${e.chunk}: ${e.message}` : e.message));
	return shown.length > 0 ? stripSignedQueries(shown.join('; ')) : 'Remotion reported a fatal error without a message';
};

const limiter = (limit: number) => {
	let running = 0;
	const queue: (() => void)[] = [];
	return async <T>(work: () => Promise<T>): Promise<T> => {
		if (running >= limit) await new Promise<void>((resolve) => queue.push(resolve));
		running++;
		try {
			return await work();
		} finally {
			running--;
			queue.shift()?.();
		}
	};
};

/**
 * Renders many videos on Lambda: bounded by `maxRenders` and by the account's concurrency, polling each
 * render's progress into one combined report, retrying a failed render once. Resolves with every video's
 * outcome; it never throws for one video's failure.
 */
export const renderBatch = async (options: RenderBatchOptions): Promise<JobOutcome[]> => {
	const { client, jobs } = options;
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	const pollIntervalMs = options.pollIntervalMs ?? 2000;
	const slots = new LambdaSlots(options.maxRenders, options.accountConcurrency);
	const local = limiter(Math.max(1, options.afterRenderConcurrency ?? 2));
	const states = new Map<string, JobProgress>(
		jobs.map((job) => [job.id, { id: job.id, status: 'queued', progress: 0, framesRendered: 0, totalFrames: job.totalFrames, costUsd: 0 }]),
	);
	const update = (id: string, patch: Partial<Omit<JobProgress, 'id'>>) => {
		states.set(id, { ...states.get(id)!, ...patch });
		options.onProgress?.([...states.values()]);
	};

	const attempt = async (job: BatchJob, spentBefore: number): Promise<Attempt> => {
		let renderId: string | null = null;
		let lastCost = 0;
		try {
			const started = await client.renderMedia(job.request);
			renderId = started.renderId;
			const { bucketName } = started;
			let pollFailures = 0;
			for (;;) {
				await sleep(pollIntervalMs);
				let progress: LambdaRenderProgress;
				try {
					progress = await client.getRenderProgress({ region: job.request.region, functionName: job.request.functionName, bucketName, renderId });
					pollFailures = 0;
				} catch (error) {
					if (++pollFailures >= POLL_FAILURES) throw error;
					continue;
				}
				lastCost = progress.costUsd;
				update(job.id, { progress: progress.overallProgress, framesRendered: progress.framesRendered, costUsd: spentBefore + progress.costUsd });
				if (progress.fatalErrorEncountered) return { ok: false, renderId, error: fatalMessage(progress), costUsd: progress.costUsd };
				if (progress.done) return { ok: true, renderId, bucketName, progress };
			}
		} catch (error) {
			return { ok: false, renderId, error: messageOf(error), costUsd: lastCost };
		}
	};

	const afterRenders: Promise<JobOutcome>[] = [];

	const renderOne = async (job: BatchJob): Promise<JobOutcome | null> => {
		await slots.acquire(job.lambdas);
		const started = performance.now();
		let spent = 0;
		const failed: { renderId: string | null; error: string }[] = [];
		try {
			for (let n = 1; n <= ATTEMPTS; n++) {
				update(job.id, { status: n === 1 ? 'rendering' : 'retrying', progress: 0, framesRendered: 0 });
				const result = await attempt(job, spent);
				if (result.ok) {
					spent += result.progress.costUsd;
					const rendered: RenderedVideo = {
						renderId: result.renderId,
						bucketName: result.bucketName,
						costUsd: spent,
						attempts: n,
						lambdasInvoked: result.progress.lambdasInvoked,
						wallMs: Math.round(performance.now() - started),
						failedRenderIds: failed.flatMap((f) => (f.renderId ? [f.renderId] : [])),
					};
					update(job.id, { status: 'packaging', costUsd: spent });
					afterRenders.push(packageOne(job, rendered));
					return null;
				}
				spent += result.costUsd;
				failed.push({ renderId: result.renderId, error: result.error });
			}
		} finally {
			slots.release(job.lambdas);
		}
		const last = failed[failed.length - 1]!;
		const earlier = failed.slice(0, -1).map((f) => `${f.renderId ?? 'not started'}: ${f.error}`);
		update(job.id, { status: 'failed', costUsd: spent });
		return {
			ok: false,
			job,
			renderId: last.renderId,
			error: `${last.error}${earlier.length > 0 ? ` (first try ${earlier.join('; ')})` : ''}`,
			attempts: failed.length,
			costUsd: spent,
		};
	};

	const packageOne = (job: BatchJob, rendered: RenderedVideo): Promise<JobOutcome> =>
		local(async () => {
			try {
				await options.afterRender?.(job, rendered);
				update(job.id, { status: 'done' });
				return { ok: true as const, job, ...rendered };
			} catch (error) {
				update(job.id, { status: 'failed' });
				return { ok: false as const, job, renderId: rendered.renderId, error: messageOf(error), attempts: rendered.attempts, costUsd: rendered.costUsd };
			}
		});

	const renderOutcomes = await Promise.all(jobs.map(renderOne));
	const packaged = new Map((await Promise.all(afterRenders)).map((outcome) => [outcome.job.id, outcome]));
	return jobs.map((job, index) => renderOutcomes[index] ?? packaged.get(job.id)!);
};
