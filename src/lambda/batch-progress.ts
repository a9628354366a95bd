export type JobStatus = 'queued' | 'rendering' | 'retrying' | 'packaging' | 'done' | 'failed';

/** Where one video of a batch stands, from its latest `getRenderProgress`. */
export type JobProgress = {
	readonly id: string;
	readonly status: JobStatus;
	/** 0–1 of the current attempt. */
	readonly progress: number;
	readonly framesRendered: number;
	readonly totalFrames: number;
	/** Every attempt so far, USD. */
	readonly costUsd: number;
};

export type BatchProgress = {
	readonly counts: Readonly<Record<JobStatus, number>>;
	readonly videos: number;
	/** 0–1, weighted by each video's frames; a finished or failed video counts as whole. */
	readonly fraction: number;
	readonly framesRendered: number;
	readonly totalFrames: number;
	readonly costUsd: number;
};

const FINISHED: ReadonlySet<JobStatus> = new Set(['packaging', 'done', 'failed']);

/** Many renders' progress as one: pure, so the display and the tests read the same figures. */
export const aggregateProgress = (jobs: readonly JobProgress[]): BatchProgress => {
	const counts: Record<JobStatus, number> = { queued: 0, rendering: 0, retrying: 0, packaging: 0, done: 0, failed: 0 };
	let weighted = 0;
	let totalFrames = 0;
	let framesRendered = 0;
	let costUsd = 0;
	for (const job of jobs) {
		counts[job.status]++;
		const frames = Math.max(1, job.totalFrames);
		const share = FINISHED.has(job.status) ? 1 : job.status === 'queued' ? 0 : Math.min(1, Math.max(0, job.progress));
		weighted += share * frames;
		totalFrames += frames;
		framesRendered += FINISHED.has(job.status) && job.status !== 'failed' ? frames : Math.min(frames, job.framesRendered);
		costUsd += job.costUsd;
	}
	return { counts, videos: jobs.length, fraction: totalFrames > 0 ? weighted / totalFrames : 0, framesRendered, totalFrames, costUsd };
};

const clock = (ms: number) => {
	const s = Math.max(0, Math.round(ms / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** One line for the whole batch: a bar, the videos in each state, frames, cost so far and elapsed time. */
export const formatBatchProgress = (progress: BatchProgress, elapsedMs: number, width = 24): string => {
	const filled = Math.round(progress.fraction * width);
	const { counts } = progress;
	const states = [
		`${counts.done}/${progress.videos} done`,
		counts.rendering > 0 ? `${counts.rendering} rendering` : '',
		counts.retrying > 0 ? `${counts.retrying} retrying` : '',
		counts.packaging > 0 ? `${counts.packaging} packaging` : '',
		counts.queued > 0 ? `${counts.queued} queued` : '',
		counts.failed > 0 ? `${counts.failed} failed` : '',
	].filter(Boolean);
	return (
		`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(progress.fraction * 100)}% ${states.join(', ')}; ` +
		`frames ${progress.framesRendered}/${progress.totalFrames}; $${progress.costUsd.toFixed(4)} so far; ${clock(elapsedMs)}`
	);
};
