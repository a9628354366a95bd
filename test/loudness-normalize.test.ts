import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFinalVideo } from '../src/pipeline/audio/final-video';
import { measureLoudness, PLATFORM_LOUDNESS, rmsDb, type Loudness } from '../src/pipeline/audio/loudness';
import { runFfmpeg } from '../src/node/run-ffmpeg';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { encodeWav } from '../src/providers/voice/espeak/wav';
import { makeTempDir } from './helpers/temp-dir';

const RATE = 48_000;

/** 8 s: a quiet tone with a near full-scale click every 0.5 s, so one linear gain up to −14 LUFS would clip. */
const peakyWav = (): Uint8Array => {
	const samples = new Int16Array(8 * RATE);
	for (let i = 0; i < samples.length; i++) {
		const t = i / RATE;
		const click = t % 0.5 < 0.002 ? 31_000 : 0;
		samples[i] = Math.round((1500 + click) * Math.sin(2 * Math.PI * 440 * t));
	}
	return encodeWav(samples, RATE);
};

describe('writeFinalVideo normalising audio that one gain cannot fix', () => {
	let dir: string;
	let input: string;
	let output: string;
	let before: Loudness;
	let after: Loudness;

	beforeAll(async () => {
		dir = await makeTempDir('reelsmith-loudness-');
		const wav = path.join(dir, 'peaky.wav');
		await writeFile(wav, peakyWav());
		input = path.join(dir, 'in.mp4');
		// prettier-ignore
		await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=30:duration=8', '-i', wav, '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', input]);
		before = await measureLoudness(input);
		output = path.join(dir, 'out', 'final.mp4');
		after = await writeFinalVideo(output, { video: ['-i', input], audio: input, fps: 30, loudness: PLATFORM_LOUDNESS });
	}, 60_000);

	it('starts far from the target with peaks near full scale', () => {
		expect(before.integratedLufs).toBeLessThan(-20);
		expect(before.truePeakDbtp).toBeGreaterThan(-2);
	});

	it('reaches −14 LUFS ±1 with true peak at most −1 dBTP', async () => {
		expect(Math.abs(after.integratedLufs - -14)).toBeLessThanOrEqual(1);
		expect(after.truePeakDbtp).toBeLessThanOrEqual(-0.9);
		expect(await measureLoudness(output)).toEqual(after);
	});

	it('copies the video stream and keeps the length', async () => {
		const [a, b] = await Promise.all([probeMedia(input), probeMedia(output)]);
		expect(b.video).toEqual(a.video);
		expect(Math.abs(b.durationMs - a.durationMs)).toBeLessThan(50);
	});

	it('measures RMS of a time window', async () => {
		const wav = path.join(dir, 'half.wav');
		const samples = new Int16Array(2 * RATE);
		for (let i = RATE; i < samples.length; i++) samples[i] = Math.round(16_384 * Math.sin((2 * Math.PI * 1000 * i) / RATE));
		await writeFile(wav, encodeWav(samples, RATE));
		expect(await rmsDb(wav, 0, 900)).toBeLessThan(-80);
		// a sine at half scale: −6 dBFS peak, −9 dBFS RMS
		expect(await rmsDb(wav, 1100, 1900)).toBeCloseTo(-9, 0);
	});

	it('rejects a file with a clear message', async () => {
		await expect(measureLoudness(path.join(dir, 'missing.mp4'))).rejects.toThrow(/ffmpeg exited with 1: .*missing\.mp4/);
	});
});

describe('writeFinalVideo normalising a video shorter than 3 s', () => {
	it('still reaches the target (loudnorm measures no loudness range there), mono or stereo', async () => {
		const dir = await makeTempDir('reelsmith-loudness-short-');
		for (const channels of [1, 2]) {
			const input = path.join(dir, `short-${channels}.mp4`);
			// ffmpeg arguments stay in option–value pairs
			// prettier-ignore
			await runFfmpeg([
				'-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=30:duration=1.5', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1.5',
				'-ac', String(channels), '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', input,
			]);
			expect((await measureLoudness(input)).lra).toBe(0);
			const after = await writeFinalVideo(path.join(dir, `out-${channels}.mp4`), { video: ['-i', input], audio: input, fps: 30, loudness: PLATFORM_LOUDNESS });
			expect(after.integratedLufs).toBeGreaterThan(-15);
			expect(after.integratedLufs).toBeLessThan(-13);
		}
	}, 60_000);
});
