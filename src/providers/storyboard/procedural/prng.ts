import { fnv1a } from '../../../timeline/hash';

/** mulberry32: tiny and fast, good enough for layout choices; seeded so a drawing repeats exactly. */
export const mulberry32 = (seed: number): (() => number) => {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
};

export type Rng = {
	readonly next: () => number;
	readonly range: (min: number, max: number) => number;
	readonly int: (min: number, maxExclusive: number) => number;
	readonly pick: <T>(items: readonly T[]) => T;
	readonly chance: (probability: number) => boolean;
	/** An independent stream: extra draws in one layer must not reshuffle the others. */
	readonly fork: (label: string) => Rng;
};

export const createRng = (seed: number): Rng => {
	const next = mulberry32(seed);
	return {
		next,
		range: (min, max) => min + (max - min) * next(),
		int: (min, maxExclusive) => min + Math.floor((maxExclusive - min) * next()),
		pick: (items) => {
			if (items.length === 0) throw new Error('pick from an empty list');
			return items[Math.floor(next() * items.length)]!;
		},
		chance: (probability) => next() < probability,
		fork: (label) => createRng((fnv1a(label) ^ Math.imul(seed, 0x9e3779b1)) >>> 0),
	};
};
