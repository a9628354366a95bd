/**
 * Synthesises the default music bed, public/music/ambient-bed.m4a: a soft I–V–vi–IV pad in D major with a
 * gentle arpeggio, 32 s, seamless when looped. Deterministic (no randomness), so rerunning it reproduces
 * the committed file. Usage: npx tsx scripts/make-music-bed.ts [--out FILE]
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureLoudness } from '../src/pipeline/audio/loudness';
import { runFfmpeg } from '../src/node/run-ffmpeg';
import { PROJECT_ROOT } from '../src/node/project-root';
import { encodeWav } from '../src/providers/voice/espeak/wav';

const RATE = 48_000;
const CHORD_SECONDS = 4;
/** A whole number of frames at 24, 25, 30 and 60 fps, so a loop never ends mid-frame. */
const LOOP_SECONDS = 32;
const N = RATE * LOOP_SECONDS;
/** Quiet enough that ducked speech stays clear; the final mix is normalised afterwards anyway. */
const BED_LUFS = -18;

/** D, A, Bm, G: close voicings that share tones, so the pad glides rather than jumps. */
const CHORDS: ReadonlyArray<{ bass: number; pad: readonly number[] }> = [
	{ bass: 50, pad: [62, 66, 69] },
	{ bass: 45, pad: [61, 64, 69] },
	{ bass: 47, pad: [62, 66, 71] },
	{ bass: 43, pad: [62, 67, 71] },
];
const ARP_PATTERNS = [
	[0, 1, 2, 3, 2, 1, 2, 1],
	[0, 2, 1, 3, 1, 2, 0, 2],
];

const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);
const raisedCosine = (x: number) => 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, x)));

/** Adds a note into the loop; whatever runs past the end wraps to the start, which is what makes the loop seamless. */
const addNote = (out: Float64Array, startS: number, lengthS: number, voice: (t: number) => number) => {
	const start = Math.round(startS * RATE);
	const length = Math.round(lengthS * RATE);
	for (let i = 0; i < length; i++) out[(start + i) % N]! += voice(i / RATE);
};

const padVoice = (midi: number, holdS: number, gain: number) => {
	const f = hz(midi);
	const attack = 1.2;
	const release = 1.8;
	return (t: number) => {
		const env = raisedCosine(t / attack) * (1 - raisedCosine((t - holdS) / release));
		// three slightly detuned partial stacks: a slow chorus instead of a static sine
		let sum = 0;
		for (const cents of [-6, 0, 5]) {
			const fd = f * 2 ** (cents / 1200);
			sum += Math.sin(2 * Math.PI * fd * t) + 0.3 * Math.sin(4 * Math.PI * fd * t) + 0.1 * Math.sin(6 * Math.PI * fd * t);
		}
		return (gain * env * sum) / 3;
	};
};

const pluckVoice = (midi: number, gain: number) => {
	const f = hz(midi);
	return (t: number) => {
		const env = raisedCosine(t / 0.012) * Math.exp(-t / 0.55) * (1 - raisedCosine((t - 2.2) / 0.3));
		return gain * env * (Math.sin(2 * Math.PI * f * t) + 0.2 * Math.sin(4 * Math.PI * f * t));
	};
};

/** Runs an effect around the loop twice and keeps the second lap, so its state at the seam is already settled. */
const circular = (input: Float64Array, step: (x: number, i: number, out: Float64Array) => number): Float64Array => {
	const out = new Float64Array(N);
	for (let lap = 0; lap < 2; lap++) for (let i = 0; i < N; i++) out[i] = step(input[i]!, i, out);
	return out;
};

const lowPass = (input: Float64Array, cutoffHz: number): Float64Array => {
	const a = 1 - Math.exp((-2 * Math.PI * cutoffHz) / RATE);
	let y = 0;
	return circular(input, (x) => (y += a * (x - y)));
};

/** A few feedback echoes around the loop: a cheap, smooth room. */
const ambience = (input: Float64Array): Float64Array => {
	const wet = new Float64Array(N);
	for (const [delayS, feedback] of [
		[0.297, 0.45],
		[0.371, 0.4],
		[0.411, 0.35],
	] as const) {
		const d = Math.round(delayS * RATE);
		const comb = circular(input, (x, i, out) => x + feedback * out[(i - d + N) % N]!);
		for (let i = 0; i < N; i++) wet[i]! += comb[i]! / 3;
	}
	const out = new Float64Array(N);
	for (let i = 0; i < N; i++) out[i] = 0.75 * input[i]! + 0.35 * wet[i]!;
	return out;
};

const synthesise = (): Float64Array => {
	const dry = new Float64Array(N);
	const bars = LOOP_SECONDS / CHORD_SECONDS;
	for (let bar = 0; bar < bars; bar++) {
		const chord = CHORDS[bar % CHORDS.length]!;
		const at = bar * CHORD_SECONDS;
		for (const note of chord.pad) addNote(dry, at, CHORD_SECONDS + 1.8, padVoice(note, CHORD_SECONDS - 0.4, 0.16));
		addNote(dry, at, CHORD_SECONDS + 1.8, padVoice(chord.bass, CHORD_SECONDS - 0.4, 0.22));
		const tones = [...chord.pad.map((n) => n + 12), chord.pad[0]! + 24];
		const pattern = ARP_PATTERNS[Math.floor(bar / CHORDS.length) % ARP_PATTERNS.length]!;
		pattern.forEach((index, step) => {
			const accent = step % 4 === 0 ? 1 : 0.7;
			addNote(dry, at + step * (CHORD_SECONDS / pattern.length), 2.5, pluckVoice(tones[index]!, 0.09 * accent));
		});
	}
	return lowPass(lowPass(ambience(dry), 2400), 2400);
};

const toPcm = (signal: Float64Array, gain: number): Int16Array => {
	const pcm = new Int16Array(N);
	for (let i = 0; i < N; i++) pcm[i] = Math.round(Math.max(-1, Math.min(1, signal[i]! * gain)) * 32767);
	return pcm;
};

const main = async () => {
	const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(PROJECT_ROOT, 'public/music/ambient-bed.m4a') } } });
	const out = path.resolve(values.out);
	const signal = synthesise();
	const peak = signal.reduce((max, x) => Math.max(max, Math.abs(x)), 0);
	const dir = await mkdtemp(path.join(os.tmpdir(), 'music-bed-'));
	try {
		const wav = path.join(dir, 'bed.wav');
		const peakGain = 10 ** (-3 / 20) / peak;
		await writeFile(wav, encodeWav(toPcm(signal, peakGain), RATE));
		const measured = await measureLoudness(wav);
		const gain = peakGain * Math.min(10 ** ((BED_LUFS - measured.integratedLufs) / 20), 10 ** ((-3 - measured.truePeakDbtp) / 20));
		await writeFile(wav, encodeWav(toPcm(signal, gain), RATE));
		await mkdir(path.dirname(out), { recursive: true });
		// ffmpeg arguments stay in option–value pairs
		// prettier-ignore
		await runFfmpeg([
			'-y', '-i', wav, '-c:a', 'aac', '-b:a', '96k', '-ac', '1', '-ar', String(RATE),
			'-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', out,
		]);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
	const final = await measureLoudness(out);
	const { size } = await stat(out);
	console.log(`${out}: ${(size / 1024).toFixed(0)} KiB, ${final.integratedLufs} LUFS, true peak ${final.truePeakDbtp} dBTP, LRA ${final.lra} LU`);
};

await main();
