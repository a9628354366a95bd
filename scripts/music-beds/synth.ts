/**
 * The small synthesiser the music beds are made with: notes added into a loop buffer (whatever runs past the end
 * wraps to the start, which is what makes a bed loop seamlessly), a few voices, and effects run around the loop.
 * Deterministic: the only noise comes from a seeded generator.
 */
export const RATE = 48_000;

export type Voice = (t: number) => number;

export class LoopBuffer {
	readonly n: number;
	readonly samples: Float64Array;
	constructor(readonly seconds: number) {
		this.n = Math.round(seconds * RATE);
		this.samples = new Float64Array(this.n);
	}

	/** Adds a note starting at `startS` for `lengthS`; the part past the loop's end wraps to its start. */
	add(startS: number, lengthS: number, voice: Voice): void {
		const start = Math.round(startS * RATE);
		const length = Math.round(lengthS * RATE);
		for (let i = 0; i < length; i++) this.samples[(start + i) % this.n]! += voice(i / RATE);
	}
}

export const hz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);
export const raisedCosine = (x: number): number => 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, x)));

/** Attack, hold, release: smooth at both ends. */
export const envelope = (t: number, attackS: number, holdS: number, releaseS: number): number =>
	raisedCosine(t / attackS) * (1 - raisedCosine((t - holdS) / releaseS));

/** mulberry32: a seeded generator, so the noise of every bed is the same on every run. */
export const seededNoise = (seed: number, length: number): Float64Array => {
	let a = seed >>> 0;
	const out = new Float64Array(length);
	for (let i = 0; i < length; i++) {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
	}
	return out;
};

/** One-pole filters over a plain buffer (not a loop): for shaping noise sources. */
export const onePoleLow = (input: Float64Array, cutoffHz: number): Float64Array => {
	const a = 1 - Math.exp((-2 * Math.PI * cutoffHz) / RATE);
	const out = new Float64Array(input.length);
	let y = 0;
	for (let i = 0; i < input.length; i++) out[i] = y += a * (input[i]! - y);
	return out;
};
export const onePoleHigh = (input: Float64Array, cutoffHz: number): Float64Array => {
	const low = onePoleLow(input, cutoffHz);
	return input.map((x, i) => x - low[i]!);
};

/** A band-limited sawtooth (harmonics below `ceilingHz`, at most `maxHarmonics`): warm strings and synths. */
export const saw = (f: number, t: number, ceilingHz = 4000, maxHarmonics = 12): number => {
	let sum = 0;
	const top = Math.max(1, Math.min(maxHarmonics, Math.floor(ceilingHz / f)));
	for (let k = 1; k <= top; k++) sum += Math.sin(2 * Math.PI * k * f * t) / k;
	return sum * 0.6;
};

/** A sustained, slightly detuned saw chord note. */
export const stringVoice =
	(midi: number, holdS: number, gain: number, attackS = 0.6, releaseS = 1.2, ceilingHz = 2500): Voice =>
	(t) => {
		const f = hz(midi);
		const env = envelope(t, attackS, holdS, releaseS);
		return (gain * env * (saw(f * 2 ** (-7 / 1200), t, ceilingHz, 8) + saw(f * 2 ** (6 / 1200), t, ceilingHz, 8))) / 2;
	};

/** A plucked or struck note: harmonics that die away faster the higher they are. */
export const struckVoice =
	(midi: number, gain: number, decayS: number, weights: readonly number[] = [1, 0.45, 0.25, 0.12, 0.06], lengthS = 3): Voice =>
	(t) => {
		const f = hz(midi);
		let sum = 0;
		weights.forEach((w, k) => (sum += w * Math.exp((-t * (k + 1)) / decayS) * Math.sin(2 * Math.PI * (k + 1) * f * t)));
		return gain * raisedCosine(t / 0.004) * (1 - raisedCosine((t - lengthS + 0.2) / 0.2)) * sum;
	};

/** An electric piano (two-operator FM): a bell-like attack that mellows into a round tone. */
export const electricPianoVoice =
	(midi: number, gain: number, holdS: number): Voice =>
	(t) => {
		const f = hz(midi);
		const index = 0.2 + 1.6 * Math.exp(-t / 0.25);
		const body = Math.sin(2 * Math.PI * f * t + index * Math.sin(2 * Math.PI * f * t));
		const tine = 0.15 * Math.exp(-t / 0.08) * Math.sin(2 * Math.PI * 4 * f * t);
		return gain * envelope(t, 0.005, holdS, 0.35) * Math.exp(-t / 2.5) * (body + tine);
	};

/** A drum's tone: a sine whose pitch falls from `fromHz` to `toHz`, over `decayS`. */
export const dropVoice =
	(fromHz: number, toHz: number, pitchS: number, decayS: number, gain: number): Voice =>
	(t) => {
		const phase = 2 * Math.PI * (toHz * t + (fromHz - toHz) * pitchS * (1 - Math.exp(-t / pitchS)));
		return gain * raisedCosine(t / 0.002) * Math.exp(-t / decayS) * Math.sin(phase);
	};

/** A burst of a noise source (its samples read from the start), fading over `decayS`. */
export const noiseVoice =
	(noise: Float64Array, decayS: number, gain: number, attackS = 0.001): Voice =>
	(t) =>
		gain * raisedCosine(t / attackS) * Math.exp(-t / decayS) * (noise[Math.round(t * RATE) % noise.length] ?? 0);

/** Runs an effect around the loop twice and keeps the second lap, so its state at the seam is already settled. */
export const circular = (input: Float64Array, step: (x: number, i: number, out: Float64Array) => number): Float64Array => {
	const n = input.length;
	const out = new Float64Array(n);
	for (let lap = 0; lap < 2; lap++) for (let i = 0; i < n; i++) out[i] = step(input[i]!, i, out);
	return out;
};

export const lowPass = (input: Float64Array, cutoffHz: number): Float64Array => {
	const a = 1 - Math.exp((-2 * Math.PI * cutoffHz) / RATE);
	let y = 0;
	return circular(input, (x) => (y += a * (x - y)));
};

export const highPass = (input: Float64Array, cutoffHz: number): Float64Array => {
	const low = lowPass(input, cutoffHz);
	return input.map((x, i) => x - low[i]!);
};

/** A few feedback echoes around the loop: a cheap, smooth room. */
export const ambience = (input: Float64Array, dry = 0.75, wetGain = 0.35, scale = 1): Float64Array => {
	const n = input.length;
	const wet = new Float64Array(n);
	for (const [delayS, feedback] of [
		[0.297, 0.45],
		[0.371, 0.4],
		[0.411, 0.35],
	] as const) {
		const d = Math.round(delayS * scale * RATE);
		const comb = circular(input, (x, i, out) => x + feedback * out[(i - d + n) % n]!);
		for (let i = 0; i < n; i++) wet[i]! += comb[i]! / 3;
	}
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) out[i] = dry * input[i]! + wetGain * wet[i]!;
	return out;
};

/** Dips a part on every beat and lets it swell back: the "pumping" of dance music. The loop is whole beats. */
export const pump = (input: Float64Array, beatS: number, depth: number, releaseS: number): Float64Array =>
	input.map((x, i) => {
		const sinceBeat = (i / RATE) % beatS;
		return x * (1 - depth * Math.exp(-sinceBeat / releaseS) * raisedCosine(sinceBeat / 0.01));
	});

export const mix = (...parts: ReadonlyArray<readonly [Float64Array, number]>): Float64Array => {
	const out = new Float64Array(parts[0]![0].length);
	for (const [part, gain] of parts) for (let i = 0; i < out.length; i++) out[i]! += gain * part[i]!;
	return out;
};

/** Gentle tape-like saturation: rounds off drum peaks so the bed can sit at its loudness without a hard limit. */
export const saturate = (input: Float64Array, drive: number): Float64Array => {
	const peak = input.reduce((max, x) => Math.max(max, Math.abs(x)), 0) || 1;
	return input.map((x) => Math.tanh((drive * x) / peak) / Math.tanh(drive));
};
