import { formatProgress, type ProgressSnapshot } from './format-progress';

/**
 * Redraws one line on a terminal; elsewhere (CI, pipes) prints a line every 10%, so logs stay short.
 */
export const createProgressBar = (label: string, stream: NodeJS.WriteStream = process.stderr) => {
	const started = performance.now();
	let lastDecile = -1;
	return {
		update(progress: Omit<ProgressSnapshot, 'elapsedMs'>) {
			const line = `${label} ${formatProgress({ ...progress, elapsedMs: performance.now() - started })}`;
			if (stream.isTTY) {
				stream.write(`\r${line}\u001b[K`);
				return;
			}
			const decile = Math.floor((progress.encodedFrames / Math.max(1, progress.totalFrames)) * 10);
			if (decile > lastDecile) {
				lastDecile = decile;
				stream.write(`${line}\n`);
			}
		},
		done() {
			if (stream.isTTY) stream.write('\n');
		},
	};
};
