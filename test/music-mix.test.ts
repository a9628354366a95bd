import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFinalVideo } from '../src/pipeline/audio/final-video';
import { measureLoudness, rmsDb, type Loudness } from '../src/pipeline/audio/loudness';
import { DEFAULT_MUSIC_BED, stashMusic } from '../src/pipeline/audio/music-bed';
import { runFfmpeg } from '../src/node/run-ffmpeg';
import { probeMedia, type MediaFacts } from '../src/pipeline/media/probe-media';
import { bundleSite } from '../src/pipeline/render/bundle-site';
import { renderSettings } from '../src/pipeline/render/render-settings';
import { renderVideo } from '../src/pipeline/render/render-video';
import { buildProps, type SceneAssets } from '../src/props/build-props';
import { encodeWav } from '../src/providers/voice/espeak/wav';
import { parseScriptText } from '../src/schema/parse-script';
import type { CaptionToken, VideoProps } from '../src/schema/video-props';
import { DUCKING_DEFAULTS, gainAt } from '../src/timeline/music-ducking';
import { totalDurationInFrames } from '../src/timeline/scene-timeline';
import { json, validScene, validScript } from './helpers/script-builders';
import { makeTempDir, removeAfterFile } from './helpers/temp-dir';

const RATE = 48_000;
const VOICE_MS = 3600;
const EXCERPT_MS = 3000;
/** Word spans of each scene's "speech", ms from its start; the short pause after the first word stays ducked. */
const WORDS: ReadonlyArray<readonly [number, number]> = [
	[200, 1200],
	[1300, 1700],
	[2900, 3400],
];

/** A buzzy tone wherever a word is and silence between, with 10 ms edges: speech with a known on/off pattern. */
const speechWav = (): Uint8Array => {
	const samples = new Int16Array((VOICE_MS * RATE) / 1000);
	for (const [start, end] of WORDS) {
		const from = (start * RATE) / 1000;
		const to = (end * RATE) / 1000;
		for (let i = from; i < to; i++) {
			const t = i / RATE;
			const edge = Math.min(1, (i - from) / 480, (to - i) / 480);
			const tone = Math.sin(2 * Math.PI * 180 * t) + 0.5 * Math.sin(2 * Math.PI * 360 * t) + 0.3 * Math.sin(2 * Math.PI * 900 * t);
			samples[i] = Math.round(7000 * edge * tone);
		}
	}
	return encodeWav(samples, RATE);
};

const captions = (): CaptionToken[] => WORDS.map(([startMs, endMs], i) => ({ text: `w${i} `, startMs, endMs, timestampMs: startMs, confidence: 1 }));

/** Runs of at least `minMs` where the bed's gain is `gain`, shrunk by 60 ms at each edge (ms of the video). */
const windowsAt = (props: VideoProps, gain: number, minMs: number): Array<[number, number]> => {
	const volume = props.music!.volume;
	const endMs = (totalDurationInFrames(props.scenes) * 1000) / props.fps;
	const runs: Array<[number, number]> = [];
	let start: number | null = null;
	for (let ms = 0; ms <= endMs; ms += 10) {
		const inside = Math.abs(gainAt(volume, (ms * props.fps) / 1000) - gain) < 1e-3;
		if (inside && start === null) start = ms;
		if (!inside && start !== null) {
			if (ms - start >= minMs) runs.push([start + 60, ms - 60]);
			start = null;
		}
	}
	return runs;
};

const meanRms = async (file: string, windows: ReadonlyArray<[number, number]>) => {
	const levels = await Promise.all(windows.map(([from, to]) => rmsDb(file, from, to)));
	return levels.reduce((sum, level) => sum + level, 0) / levels.length;
};

describe('music bed: ducking and loudness in a real render', () => {
	let props: VideoProps;
	let bedOnly: string;
	let normalized: Loudness;
	let rendered: MediaFacts;
	let final: MediaFacts;
	let finalFile: string;

	beforeAll(async () => {
		const dir = await makeTempDir('reelsmith-music-');
		const publicDir = path.join(dir, 'public');
		const music = await stashMusic(DEFAULT_MUSIC_BED, publicDir);
		await writeFile(path.join(publicDir, 'voice.wav'), speechWav());
		const parsed = parseScriptText(
			json(
				validScript({
					target_platform: 'bilibili',
					scenes: [validScene(1, { duration: 4, transition: 'fade_in' }), validScene(2, { duration: 4, transition: 'fade' })],
				}),
			),
		);
		if (!parsed.ok) throw new Error('invalid script');
		const voice: SceneAssets = { audio: { src: 'voice.wav', durationMs: VOICE_MS }, captions: captions() };
		props = buildProps(parsed.script, {
			assets: new Map([
				[1, voice],
				[2, voice],
			]),
			music,
		});

		const serveUrl = removeAfterFile(await bundleSite(publicDir));
		const settings = renderSettings(true);
		const mixed = path.join(dir, 'mixed.mp4');
		bedOnly = path.join(dir, 'bed-only.mp4');
		await renderVideo({ serveUrl, props, outputFile: mixed, settings });
		// same captions and ducking, no voice: what the bed alone does under speech and in the gaps
		// a 3 s excerpt of the bed, so this render also shows the bed looping
		const excerpt = path.join(dir, 'excerpt.wav');
		await runFfmpeg(['-i', DEFAULT_MUSIC_BED, '-t', String(EXCERPT_MS / 1000), excerpt]);
		const short = await stashMusic(excerpt, publicDir);
		const bedOnlyProps: VideoProps = {
			...props,
			scenes: props.scenes.map((s) => ({ ...s, audio: null })),
			music: { ...props.music!, src: short.src, durationInFrames: Math.round((short.durationMs * props.fps) / 1000) },
		};
		await renderVideo({ serveUrl, props: bedOnlyProps, outputFile: bedOnly, settings });

		finalFile = path.join(dir, 'final.mp4');
		rendered = await probeMedia(mixed);
		normalized = await writeFinalVideo(finalFile, { video: ['-i', mixed], audio: mixed, fps: props.fps, loudness: { targetLufs: -14, truePeakDbtp: -1 } });
		final = await probeMedia(finalFile);
	}, 400_000);

	it('ducks the bed at least 6 dB under speech compared with the gaps', async () => {
		const speech = windowsAt(props, DUCKING_DEFAULTS.baseGain * 10 ** (DUCKING_DEFAULTS.duckDb / 20), 300);
		const gaps = windowsAt(props, DUCKING_DEFAULTS.baseGain, 300);
		expect(speech.length).toBeGreaterThanOrEqual(2);
		expect(gaps.length).toBeGreaterThanOrEqual(1);
		const underSpeech = await meanRms(bedOnly, speech);
		const inGaps = await meanRms(bedOnly, gaps);
		expect(inGaps).toBeGreaterThan(-60);
		expect(inGaps - underSpeech).toBeGreaterThanOrEqual(6);
	});

	it('loops a bed shorter than the video until the video ends', async () => {
		const endMs = (totalDurationInFrames(props.scenes) * 1000) / props.fps;
		expect(endMs).toBeGreaterThan(2 * EXCERPT_MS);
		// ducked but not silent, past the excerpt's first and second ends
		expect(await rmsDb(bedOnly, EXCERPT_MS + 200, EXCERPT_MS + 800)).toBeGreaterThan(-70);
		expect(await rmsDb(bedOnly, 2 * EXCERPT_MS + 200, 2 * EXCERPT_MS + 800)).toBeGreaterThan(-70);
	});

	it('normalises the mix to −14 LUFS ±1 with true peak at most −1 dBTP', async () => {
		expect(Math.abs(normalized.integratedLufs - -14)).toBeLessThanOrEqual(1);
		expect(normalized.truePeakDbtp).toBeLessThanOrEqual(-0.9);
		expect(await measureLoudness(finalFile)).toEqual(normalized);
	});

	it('copies the video stream untouched and keeps the length', () => {
		expect(final.video).toEqual(rendered.video);
		expect(final.audio).toMatchObject({ codec: 'aac', sampleRate: 48_000 });
		expect(Math.abs(final.durationMs - rendered.durationMs)).toBeLessThan(50);
	});
});
