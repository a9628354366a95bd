import { FRAME_SIZE, HOP_SIZE, onsetEnvelope } from './onset-envelope';

/** A beat found in a recording: its tempo and where its first beat is. */
export type Tempo = { readonly bpm: number; readonly offsetSeconds: number };

/** The tempi looked for: wider than most music's beat. */
export const MIN_BPM = 60;
export const MAX_BPM = 180;
const BPM_STEP = 0.1;
/** Beats that line up 1 to 4 periods apart all count, so the beat outscores its own off-beat subdivisions. */
const COMB = [1, 2, 3, 4];
/** Half or double the beat fits a recording almost as well; listeners hear the one nearer 120 BPM (an octave's spread). */
const PREFERRED_BPM = 120;
/**
 * How strongly the onsets repeat at the beat, relative to their own variance (the comb's sum of autocorrelations
 * over the one at lag 0), for a recording to have a beat: white and pink noise and a minute of speech score about
 * 0.1, every bed of ours 1.5 or more.
 */
export const MIN_PERIODICITY = 0.6;
/** The least average onset (of a recording scaled to full level) that counts: a steady tone scores 0.04, our calm bed 1.5. */
const MIN_MEAN_ONSET = 0.2;

/** Autocorrelation of the mean-removed envelope at whole lags up to `maxLag`. */
const autocorrelation = (envelope: Float64Array, maxLag: number): Float64Array => {
	const n = envelope.length;
	const mean = envelope.reduce((sum, x) => sum + x, 0) / n;
	const centred = envelope.map((x) => x - mean);
	const out = new Float64Array(maxLag + 2);
	for (let lag = 0; lag < out.length && lag < n; lag++) {
		let sum = 0;
		for (let i = 0; i + lag < n; i++) sum += centred[i]! * centred[i + lag]!;
		out[lag] = sum / (n - lag);
	}
	return out;
};

const interpolated = (values: Float64Array, position: number): number => {
	const i = Math.floor(position);
	const frac = position - i;
	return (values[i] ?? 0) * (1 - frac) + (values[i + 1] ?? 0) * frac;
};

const preference = (bpm: number) => Math.exp(-0.5 * Math.log2(bpm / PREFERRED_BPM) ** 2);

/** The envelope blurred over a few frames, so a grid a fraction of a frame off an onset still meets it. */
const blurred = (envelope: Float64Array): Float64Array => {
	const kernel = [0.06, 0.24, 0.4, 0.24, 0.06];
	return envelope.map((_, i) => kernel.reduce((sum, k, j) => sum + k * (envelope[i + j - 2] ?? 0), 0));
};

/** Mean onset on the beats of a grid of `period` frames starting at `phase`. */
const onBeat = (envelope: Float64Array, period: number, phase: number): number => {
	let sum = 0;
	let beats = 0;
	for (let at = phase; at < envelope.length - 1; at += period, beats++) sum += interpolated(envelope, at);
	return beats > 0 ? sum / beats : 0;
};

/**
 * The grid near `bpm` (±0.5 BPM, in 0.02 steps) and its phase (in envelope frames) whose beats land on the most
 * onset over the whole recording: the autocorrelation finds the beat, this pins it down so that it does not drift.
 */
const fitGrid = (envelope: Float64Array, framesPerSecond: number, bpm: number): { bpm: number; phase: number } => {
	const smooth = blurred(envelope);
	let best = { bpm, phase: 0, mean: -Infinity };
	for (let step = -25; step <= 25; step++) {
		const candidate = Math.round(bpm * 50 + step) / 50;
		const period = (60 * framesPerSecond) / candidate;
		for (let phase = 0; phase < period; phase += 0.25) {
			const mean = onBeat(smooth, period, phase);
			if (mean > best.mean) best = { bpm: candidate, phase, mean };
		}
	}
	return best;
};

/** The tempo a recording's onsets repeat at, and how strongly (see MIN_PERIODICITY). */
export const periodicity = (envelope: Float64Array, framesPerSecond: number): { bpm: number; strength: number } => {
	const maxLag = Math.ceil(((60 * framesPerSecond) / MIN_BPM) * Math.max(...COMB));
	const acf = autocorrelation(envelope, maxLag);
	let best = { bpm: 0, score: -Infinity, strength: 0 };
	const consider = (bpm: number) => {
		const period = (60 * framesPerSecond) / bpm;
		const comb = COMB.reduce((sum, m) => sum + interpolated(acf, m * period), 0);
		const score = comb * preference(bpm);
		if (score > best.score) best = { bpm, score, strength: acf[0]! > 0 ? comb / acf[0]! : 0 };
	};
	for (let tenths = MIN_BPM * 10; tenths <= MAX_BPM * 10; tenths += BPM_STEP * 10) consider(tenths / 10);
	return { bpm: best.bpm, strength: best.strength };
};

/**
 * The tempo of mono samples (60–180 BPM, to 0.02 BPM): the period at which the onset envelope repeats most (an
 * autocorrelation comb, nudged towards 120 BPM between octaves), then the grid near it whose beats land on the most
 * onset. Null when the onsets do not repeat strongly enough: no steady beat, so nothing snaps to it.
 */
export const estimateTempo = (samples: Float32Array, sampleRate: number): Tempo | null => {
	const peak = samples.reduce((max, x) => Math.max(max, Math.abs(x)), 0);
	if (!(peak > 0)) return null;
	const envelope = onsetEnvelope(samples.map((x) => x / peak));
	const framesPerSecond = sampleRate / HOP_SIZE;
	if (envelope.length < framesPerSecond * 8) return null;
	if (envelope.reduce((sum, x) => sum + x, 0) / envelope.length < MIN_MEAN_ONSET) return null;
	const found = periodicity(envelope, framesPerSecond);
	if (!(found.strength >= MIN_PERIODICITY)) return null;
	const { bpm, phase } = fitGrid(envelope, framesPerSecond, found.bpm);
	const period = 60 / bpm;
	// envelope value i describes the frame centred at i · hop + frame / 2, and a click shows in the frame a hop
	// after the one it is centred in (measured on click tracks: 11–13 ms early without that hop)
	const onset = (phase * HOP_SIZE + FRAME_SIZE / 2 + HOP_SIZE) / sampleRate;
	return { bpm, offsetSeconds: Number((((onset % period) + period) % period).toFixed(4)) };
};
