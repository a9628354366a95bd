/** Beyond this many grid cells (about 5,000 × 5,000 characters) alignment is not attempted. */
const MAX_CELLS = 25_000_000;

const DIAGONAL = 0;
const WRITTEN_ONLY = 1;
const SPOKEN_ONLY = 2;

export type CharPairing = {
	/** For each written character, the spoken character it lines up with, or -1. */
	readonly pairs: Int32Array;
	/** How many of those pairs are the same character. */
	readonly matches: number;
};

/**
 * Lines up two character sequences by edit distance. Substitutions count as pairs too, so a misheard
 * character still borrows its time from the sound in its place. Null when the texts are too long to grid.
 */
export const alignChars = (written: readonly string[], spoken: readonly string[]): CharPairing | null => {
	const n = written.length;
	const m = spoken.length;
	if ((n + 1) * (m + 1) > MAX_CELLS) return null;
	const steps = new Uint8Array((n + 1) * (m + 1));
	let previous = new Uint32Array(m + 1);
	let current = new Uint32Array(m + 1);
	for (let j = 0; j <= m; j++) {
		previous[j] = j;
		steps[j] = SPOKEN_ONLY;
	}
	for (let i = 1; i <= n; i++) {
		current[0] = i;
		steps[i * (m + 1)] = WRITTEN_ONLY;
		for (let j = 1; j <= m; j++) {
			const diagonal = previous[j - 1]! + (written[i - 1] === spoken[j - 1] ? 0 : 1);
			const up = previous[j]! + 1;
			const left = current[j - 1]! + 1;
			let best = diagonal;
			let step = DIAGONAL;
			if (up < best) {
				best = up;
				step = WRITTEN_ONLY;
			}
			if (left < best) {
				best = left;
				step = SPOKEN_ONLY;
			}
			current[j] = best;
			steps[i * (m + 1) + j] = step;
		}
		[previous, current] = [current, previous];
	}

	const pairs = new Int32Array(n).fill(-1);
	let matches = 0;
	for (let i = n, j = m; i > 0 || j > 0;) {
		const step = i === 0 ? SPOKEN_ONLY : j === 0 ? WRITTEN_ONLY : steps[i * (m + 1) + j];
		if (step === DIAGONAL) {
			pairs[i - 1] = j - 1;
			if (written[i - 1] === spoken[j - 1]) matches++;
			i--;
			j--;
		} else if (step === WRITTEN_ONLY) i--;
		else j--;
	}
	return { pairs, matches };
};
