export type KaraokeSegment = { readonly text: string; readonly lit: boolean };

/**
 * A caption line as at most three runs: before the lit word, the lit word, after it. Drawing a line as a
 * few runs instead of a span per word looks the same and costs the in-browser renderer a layout per run.
 */
export const karaokeSegments = (words: readonly string[], litIndex: number | null): KaraokeSegment[] => {
	const runs: KaraokeSegment[] = [
		{ text: words.slice(0, litIndex ?? words.length).join(''), lit: false },
		...(litIndex === null
			? []
			: [
					{ text: words[litIndex] ?? '', lit: true },
					{ text: words.slice(litIndex + 1).join(''), lit: false },
				]),
	];
	return runs.filter((run) => run.text !== '');
};
