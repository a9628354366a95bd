/** Splits an inclusive frame range into up to `parts` contiguous ranges of near-equal length, in order. */
export const splitFrames = (range: readonly [number, number], parts: number): [number, number][] => {
	const [first, last] = range;
	const total = last - first + 1;
	const count = Math.max(1, Math.min(Math.floor(parts), total));
	return Array.from({ length: count }, (_, i) => {
		const start = first + Math.floor((total * i) / count);
		const end = first + Math.floor((total * (i + 1)) / count) - 1;
		return [start, end] as [number, number];
	});
};
