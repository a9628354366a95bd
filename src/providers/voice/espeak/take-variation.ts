export type TakeVariation = { readonly rateDelta: number; readonly pitchDelta: number };

/** Integer hash (murmur3 finaliser) so neighbouring takes land far apart. */
const mix = (value: number) => {
	let h = value >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
};

/**
 * Take 0 is the plain voice; every later take shifts pitch by 3–8 points (either way) and rate by up to
 * ±15 words per minute, derived from the take number alone so a take always sounds the same.
 */
export const takeVariation = (take: number): TakeVariation => {
	if (!Number.isInteger(take) || take <= 0) return { rateDelta: 0, pitchDelta: 0 };
	const h = mix(take);
	const pitchSize = 3 + (h % 6);
	const pitchDelta = (h >>> 8) % 2 === 0 ? pitchSize : -pitchSize;
	const rateDelta = ((h >>> 12) % 31) - 15;
	return { rateDelta, pitchDelta };
};
