import type { Rng } from './prng';

const LATTICE = 256;

/** Smooth 1-D value noise in about [-1, 1], summed over octaves: ridgelines, wave crests, skyline envelopes. */
export const fbm1d = (rng: Rng, octaves = 3): ((x: number) => number) => {
	const lattice = Array.from({ length: LATTICE }, () => rng.range(-1, 1));
	const offset = rng.range(0, LATTICE);
	const at = (i: number) => lattice[((i % LATTICE) + LATTICE) % LATTICE]!;
	const smooth = (x: number) => {
		const i = Math.floor(x);
		const f = x - i;
		const a = at(i);
		return a + (at(i + 1) - a) * f * f * (3 - 2 * f);
	};
	return (x) => {
		let sum = 0;
		let norm = 0;
		let amplitude = 1;
		let frequency = 1;
		for (let o = 0; o < octaves; o++) {
			sum += amplitude * smooth(x * frequency + offset + o * 31.7);
			norm += amplitude;
			amplitude *= 0.5;
			frequency *= 2.03;
		}
		return sum / norm;
	};
};
