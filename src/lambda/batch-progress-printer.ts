import { aggregateProgress, formatBatchProgress, type JobProgress } from './batch-progress';

/**
 * Redraws the batch's one line on a terminal; elsewhere (CI, pipes) prints it when a video changes state or
 * the batch passes another 10%, so logs stay short.
 */
export const createBatchProgressPrinter = (label: string, stream: NodeJS.WriteStream = process.stderr) => {
	const started = performance.now();
	let last = '';
	return {
		update(jobs: readonly JobProgress[]) {
			const progress = aggregateProgress(jobs);
			const line = `${label} ${formatBatchProgress(progress, performance.now() - started)}`;
			if (stream.isTTY) {
				stream.write(`\r${line}\u001b[K`);
				return;
			}
			const milestone = `${JSON.stringify(progress.counts)} ${Math.floor(progress.fraction * 10)}`;
			if (milestone !== last) {
				last = milestone;
				stream.write(`${line}\n`);
			}
		},
		done() {
			if (stream.isTTY) stream.write('\n');
		},
	};
};
