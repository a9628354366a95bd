import { describe, expect, it } from 'vitest';
import { buildProps } from '../src/props/build-props';
import { parseScriptText } from '../src/schema/parse-script';
import { videoPropsSchema } from '../src/schema/video-props';
import { DUCKING_DEFAULTS, duckingKeyframes, gainAt, speechSpans, type SpokenScene } from '../src/timeline/music-ducking';
import { sceneSlots, totalDurationInFrames } from '../src/timeline/scene-timeline';
import { json, validScript } from './helpers/script-builders';

const FPS = 30;
const BASE = DUCKING_DEFAULTS.baseGain;
const DUCKED = BASE * 10 ** (DUCKING_DEFAULTS.duckDb / 20);
const frameOf = (ms: number) => (ms * FPS) / 1000;
const word = (startMs: number, endMs: number) => ({ startMs, endMs });

/** Two scenes of 5 s: words at 1.5–2.5 s and 2.6–3.0 s (a pause too short to lift the bed), then 5.5–6.5 s. */
const SCENES: SpokenScene[] = [
	{ startFrame: 0, captions: [word(1500, 2500), word(2600, 3000)] },
	{ startFrame: 150, captions: [word(500, 1500)] },
];
const TOTAL = 300;
const keyframes = duckingKeyframes(SCENES, TOTAL, FPS);
const at = (ms: number) => gainAt(keyframes, frameOf(ms));

describe('music ducking keyframes', () => {
	it('sits low during words and at the base level in the gaps', () => {
		for (const ms of [1600, 2000, 2550, 2900, 5600, 6400]) expect(at(ms)).toBeCloseTo(DUCKED, 3);
		for (const ms of [1200, 3500, 4500, 7000, 7900]) expect(at(ms)).toBeCloseTo(BASE, 3);
		expect(20 * Math.log10(DUCKED / BASE)).toBeCloseTo(-18, 5);
	});

	it('ramps down over the attack before a word and up over the release after it', () => {
		expect(at(1500 - 150)).toBeCloseTo(BASE, 3);
		expect(at(1500 - 75)).toBeCloseTo((BASE + DUCKED) / 2, 3);
		expect(at(3000 + 150)).toBeCloseTo((BASE + DUCKED) / 2, 3);
		expect(at(3000 + 300)).toBeCloseTo(BASE, 3);
	});

	it('fades in over the first second and out over the last two', () => {
		expect(gainAt(keyframes, 0)).toBe(0);
		expect(at(500)).toBeCloseTo(BASE / 2, 3);
		expect(at(1000)).toBeCloseTo(BASE, 3);
		expect(at(9000)).toBeCloseTo(BASE / 2, 3);
		expect(gainAt(keyframes, TOTAL)).toBe(0);
	});

	it('keeps frames strictly increasing inside the video and gains within 0..1', () => {
		expect(keyframes[0]!.frame).toBe(0);
		expect(keyframes.at(-1)!.frame).toBe(TOTAL);
		for (let i = 1; i < keyframes.length; i++) expect(keyframes[i]!.frame).toBeGreaterThan(keyframes[i - 1]!.frame);
		for (const k of keyframes) {
			expect(k.gain).toBeGreaterThanOrEqual(0);
			expect(k.gain).toBeLessThanOrEqual(1);
		}
	});

	it('closes pauses shorter than the merge gap and keeps longer ones', () => {
		expect(speechSpans(SCENES, FPS, 400)).toEqual([
			{ start: 1500, end: 3000 },
			{ start: 5500, end: 6500 },
		]);
		expect(speechSpans([{ startFrame: 0, captions: [word(0, 100), word(600, 700)] }], FPS, 400)).toHaveLength(2);
	});

	it('starts already ducked when speech starts at frame 0, and scales fades to a very short video', () => {
		const early = duckingKeyframes([{ startFrame: 0, captions: [word(0, 2000)] }], 150, FPS);
		expect(gainAt(early, 0)).toBe(0);
		expect(gainAt(early, frameOf(500))).toBeCloseTo(DUCKED / 2, 3);
		expect(gainAt(early, frameOf(1500))).toBeCloseTo(DUCKED, 3);
		const tiny = duckingKeyframes([], 30, FPS);
		expect(Math.max(...tiny.map((k) => k.gain))).toBeCloseTo(BASE, 3);
		expect(gainAt(tiny, 10)).toBeCloseTo(BASE, 3);
	});

	it('stays at the base level (with fades) when nothing is spoken', () => {
		const silent = duckingKeyframes([{ startFrame: 0, captions: [] }], TOTAL, FPS);
		expect(silent.map((k) => k.frame)).toEqual([0, 30, 240, 300]);
		expect(gainAt(silent, 150)).toBe(BASE);
	});
});

describe('buildProps music', () => {
	const parsed = parseScriptText(json(validScript()));
	if (!parsed.ok) throw new Error('invalid script');

	it('is null without a bed', () => {
		expect(buildProps(parsed.script).music).toBeNull();
	});

	it('carries the bed, its length in frames and keyframes ducked under the estimated captions', () => {
		const props = videoPropsSchema.parse(buildProps(parsed.script, { music: { src: 'music/bed.m4a', durationMs: 32_000 } }));
		expect(props.music).toMatchObject({ src: 'music/bed.m4a', durationInFrames: 32 * props.fps });
		const total = totalDurationInFrames(props.scenes);
		expect(props.music!.volume.at(-1)).toEqual({ frame: total, gain: 0 });
		const slots = sceneSlots(props.scenes);
		const firstWord = props.scenes[1]!.captions[0]!;
		const mid = slots[1]!.startFrame + frameOf((firstWord.startMs + firstWord.endMs) / 2);
		expect(gainAt(props.music!.volume, mid)).toBeCloseTo(DUCKED, 3);
	});
});
