export type ProgressSnapshot = {
	readonly renderedFrames: number;
	readonly encodedFrames: number;
	readonly totalFrames: number;
	readonly elapsedMs: number;
};

const clock = (ms: number) => {
	const s = Math.max(0, Math.round(ms / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** One line: a bar of encoded frames, both counts, the rate and an ETA from the rate so far. */
export const formatProgress = ({ renderedFrames, encodedFrames, totalFrames, elapsedMs }: ProgressSnapshot, width = 24): string => {
	const total = Math.max(1, totalFrames);
	const done = Math.min(1, (renderedFrames + encodedFrames) / (2 * total));
	const filled = Math.round(done * width);
	const fps = elapsedMs > 0 ? renderedFrames / (elapsedMs / 1000) : 0;
	const eta = done > 0 && done < 1 ? clock((elapsedMs / done) * (1 - done)) : done >= 1 ? '0:00' : '--:--';
	return (
		`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(done * 100)}% ` +
		`rendered ${renderedFrames}/${total} encoded ${encodedFrames}/${total} ${fps.toFixed(1)} fps ETA ${eta}`
	);
};
