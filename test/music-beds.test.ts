import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFfmpeg } from '../src/node/run-ffmpeg';
import { PROJECT_ROOT } from '../src/node/project-root';
import { moodBedFile } from '../src/pipeline/audio/music-bed';
import { MUSIC_MOOD_NAMES, MUSIC_MOODS, loopSeconds } from '../src/pipeline/audio/music-moods';
import { musicTempo } from '../src/pipeline/audio/music-tempo';
import { checkMusic } from '../src/pipeline/audio/resolve-music';
import { encodeWav } from '../src/providers/voice/espeak/wav';
import { makeTempDir } from './helpers/temp-dir';

const RATE = 48_000;

/** The file decoded to mono 48 kHz samples by ffmpeg. */
const decode = async (file: string, dir: string): Promise<Float32Array> => {
	const raw = path.join(dir, `${path.basename(file)}.f32`);
	await runFfmpeg(['-y', '-i', file, '-ac', '1', '-ar', String(RATE), '-f', 'f32le', raw]);
	const bytes = await readFile(raw);
	return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};

/** A click track at `bpm` as 16-bit WAV: a person's own music with a known beat. */
const clickWav = (bpm: number, seconds: number): Uint8Array => {
	const pcm = new Int16Array(RATE * seconds);
	for (let t = 0.1; t < seconds; t += 60 / bpm) {
		const start = Math.round(t * RATE);
		for (let i = 0; i < 960 && start + i < pcm.length; i++) pcm[start + i] = Math.round(20000 * Math.exp(-i / 200) * Math.sin((2 * Math.PI * 1000 * i) / RATE));
	}
	return encodeWav(pcm, RATE);
};

const toneWav = (seconds: number): Uint8Array =>
	encodeWav(
		Int16Array.from({ length: RATE * seconds }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / RATE))),
		RATE,
	);

describe('the music beds (ffmpeg)', { timeout: 120_000 }, () => {
	for (const name of MUSIC_MOOD_NAMES) {
		it(`${name}: decodes to exactly its bars at its tempo, loops without a seam, and the beat tracker hears its tempo`, async () => {
			const dir = await makeTempDir('reelsmith-beds-');
			const mood = MUSIC_MOODS[name];
			const samples = await decode(moodBedFile(mood), dir);
			expect(samples.length).toBe(loopSeconds(mood) * RATE);
			// the seam: the step from the last sample to the first is no bigger than the steps inside the loop
			const steps = samples.slice(1).map((x, i) => Math.abs(x - samples[i]!));
			const typical = steps.slice().sort()[Math.floor(steps.length * 0.999)]!;
			expect(Math.abs(samples[0]! - samples.at(-1)!)).toBeLessThanOrEqual(typical);
			const peak = samples.reduce((max, x) => Math.max(max, Math.abs(x)), 0);
			expect(peak).toBeGreaterThan(0.2);
			expect(peak).toBeLessThan(1);
			const tempo = await musicTempo(moodBedFile(mood), dir);
			expect(tempo).not.toBeNull();
			expect(Math.abs(tempo!.bpm - mood.bpm)).toBeLessThanOrEqual(1);
			// the first beat is at the start of the file (within 20 ms, either side of the loop point)
			const period = 60 / mood.bpm;
			expect(Math.min(tempo!.offsetSeconds, period - tempo!.offsetSeconds)).toBeLessThan(0.02);
		});
	}
});

describe('checkMusic: which bed, and its beat', { timeout: 60_000 }, () => {
	it("picks our bed by the script's music_style, with the table's tempo", async () => {
		const dir = await makeTempDir('reelsmith-moods-');
		const upbeat = await checkMusic({ music_style: '轻快的电子乐' }, path.join(dir, 'script.json'), PROJECT_ROOT);
		expect([upbeat.mood, upbeat.file]).toEqual(['upbeat', path.join(PROJECT_ROOT, MUSIC_MOODS.upbeat.file)]);
		expect(await upbeat.stash(dir)).toMatchObject({ src: expect.stringMatching(/^music\/[0-9a-f]{24}\.m4a$/), durationMs: 32_000, bpm: 120, beatOffsetMs: 0 });
		const fallback = await checkMusic({}, path.join(dir, 'script.json'), PROJECT_ROOT);
		expect(fallback.mood).toBe('calm');
	});

	it('knows our own bed named by --music, and finds the beat of a person’s file (cached by content), or none', async () => {
		const dir = await makeTempDir('reelsmith-moods-');
		const named = await checkMusic({ music_style: 'calm' }, path.join(dir, 'script.json'), PROJECT_ROOT, path.join(PROJECT_ROOT, MUSIC_MOODS['lo-fi'].file));
		expect(named.mood).toBe('lo-fi');
		expect(await named.stash(path.join(dir, 'public-a'))).toMatchObject({ bpm: 90 });

		await writeFile(path.join(dir, 'song.wav'), clickWav(104, 20));
		const song = await checkMusic({ music: 'song.wav', music_style: 'upbeat' }, path.join(dir, 'script.json'), PROJECT_ROOT);
		expect(song.mood).toBeNull();
		const publicDir = path.join(dir, 'public-b');
		const placed = await song.stash(publicDir);
		expect(Math.abs(placed.bpm! - 104)).toBeLessThanOrEqual(1);
		// its first click is at 100 ms
		expect(Math.abs(placed.beatOffsetMs! - 100)).toBeLessThanOrEqual(20);
		const cached = JSON.parse(await readFile(path.join(publicDir, placed.src.replace(/\.wav$/, '.tempo.json')), 'utf8'));
		expect(cached).toMatchObject({ version: 1, tempo: { bpm: placed.bpm } });
		expect(Math.round(cached.tempo.offsetSeconds * 1000)).toBe(placed.beatOffsetMs);

		await writeFile(path.join(dir, 'drone.wav'), toneWav(12));
		const drone = await checkMusic({ music: 'drone.wav' }, path.join(dir, 'script.json'), PROJECT_ROOT);
		const flat = await drone.stash(path.join(dir, 'public-c'));
		expect(flat.durationMs).toBe(12_000);
		expect(flat.bpm).toBeUndefined();
	});
});
