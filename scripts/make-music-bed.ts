/**
 * Synthesises the project's music beds (src/pipeline/audio/music-moods.ts: one per mood) into public/music/:
 * each a whole number of bars at its tempo, seamless when looped, CC0. Deterministic (no randomness but seeded
 * noise), so rerunning it remakes the same music. Usage: npx tsx scripts/make-music-bed.ts [--mood NAME] [--dir DIR]
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureLoudness } from '../src/pipeline/audio/loudness';
import { MUSIC_MOOD_NAMES, MUSIC_MOODS, loopSeconds, type MusicMoodName } from '../src/pipeline/audio/music-moods';
import { runFfmpeg } from '../src/node/run-ffmpeg';
import { PROJECT_ROOT } from '../src/node/project-root';
import { encodeWav } from '../src/providers/voice/espeak/wav';
import type { BedTempo } from './music-beds/bed-tempo';
import { calmBed } from './music-beds/calm';
import { cinematicBed } from './music-beds/cinematic';
import { dramaticBed } from './music-beds/dramatic';
import { lofiBed } from './music-beds/lofi';
import { RATE } from './music-beds/synth';
import { upbeatBed } from './music-beds/upbeat';

const SYNTHS: Record<MusicMoodName, (tempo: BedTempo) => Float64Array> = {
	calm: calmBed,
	upbeat: upbeatBed,
	dramatic: dramaticBed,
	'lo-fi': lofiBed,
	cinematic: cinematicBed,
};
/** Quiet enough that ducked speech stays clear; the final mix is normalised afterwards anyway. */
const BED_LUFS = -18;

/**
 * Samples of the loop's start encoded again after its end, then cut off: the encoder then ends on music that goes
 * on, not on silence, so the file's last samples run into its first without the click an AAC ending leaves.
 */
const WRAP_SAMPLES = 2048;

/** The loop as 16-bit samples, followed by its first WRAP_SAMPLES again. */
const toPcm = (signal: Float64Array, gain: number): Int16Array => {
	const pcm = new Int16Array(signal.length + WRAP_SAMPLES);
	for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(Math.max(-1, Math.min(1, signal[i % signal.length]! * gain)) * 32767);
	return pcm;
};

const makeBed = async (mood: MusicMoodName, out: string) => {
	const signal = SYNTHS[mood](MUSIC_MOODS[mood]);
	if (signal.length !== Math.round(loopSeconds(MUSIC_MOODS[mood]) * RATE)) throw new Error(`${mood}: the bed is not ${loopSeconds(MUSIC_MOODS[mood])} s long`);
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
		const wrapped = path.join(dir, 'wrapped.m4a');
		// ffmpeg arguments stay in option–value pairs
		// prettier-ignore
		await runFfmpeg([
			'-y', '-i', wav, '-c:a', 'aac', '-b:a', '96k', '-ac', '1', '-ar', String(RATE),
			'-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', wrapped,
		]);
		// whole AAC frames (the loop is a multiple of 1024 samples), so the copy ends exactly at the loop's end
		// prettier-ignore
		await runFfmpeg(['-y', '-i', wrapped, '-t', String(signal.length / RATE), '-c', 'copy', '-map_metadata', '-1', '-fflags', '+bitexact', out]);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
	const final = await measureLoudness(out);
	const { size } = await stat(out);
	const { bpm, bars } = MUSIC_MOODS[mood];
	console.log(
		`${mood}: ${out}: ${bars} bars at ${bpm} BPM, ${(size / 1024).toFixed(0)} KiB, ${final.integratedLufs} LUFS, true peak ${final.truePeakDbtp} dBTP, LRA ${final.lra} LU`,
	);
};

const main = async () => {
	const { values } = parseArgs({ options: { mood: { type: 'string' }, dir: { type: 'string' } } });
	const moods = values.mood ? [values.mood] : MUSIC_MOOD_NAMES;
	for (const mood of moods) {
		if (!(MUSIC_MOOD_NAMES as readonly string[]).includes(mood)) {
			console.error(`--mood: ${mood} is not a mood; use one of ${MUSIC_MOOD_NAMES.join(', ')}`);
			process.exit(2);
		}
		const file = MUSIC_MOODS[mood as MusicMoodName].file;
		await makeBed(mood as MusicMoodName, values.dir ? path.join(path.resolve(values.dir), path.basename(file)) : path.join(PROJECT_ROOT, file));
	}
};

await main();
