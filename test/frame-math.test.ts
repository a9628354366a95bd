import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calculateMetadata } from '../src/compositions/ShortVideo/calculate-metadata';
import { buildProps, type SceneAssets } from '../src/props/build-props';
import { parseScriptText } from '../src/schema/parse-script';
import { TRANSITION_NAMES } from '../src/schema/transitions';
import { videoPropsSchema, type VideoProps } from '../src/schema/video-props';
import { videoScriptSchema, type VideoScript } from '../src/schema/video-script';
import { framesToMs, msToFrames, secondsToFrames } from '../src/timeline/frames';
import { sceneSlots, totalDurationInFrames, type TimedScene } from '../src/timeline/scene-timeline';
import { TRANSITION_SECONDS, transitionFrames } from '../src/timeline/transition-timing';

const loadScript = (path: string): VideoScript => {
	const result = parseScriptText(readFileSync(new URL(path, import.meta.url), 'utf8'));
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.script;
};
const seed = () => loadScript('./fixtures/seed-example.json');
const douyin = () => loadScript('../examples/ai-tools-douyin.json');
const youtube = () => loadScript('../examples/morning-routine-youtube.json');

const timed = (...pairs: [scene: number, transition: number][]): TimedScene[] =>
	pairs.map(([durationInFrames, t]) => ({ durationInFrames, transition: { durationInFrames: t } }));

const metadataOf = async (props: VideoProps) =>
	await calculateMetadata({
		props,
		defaultProps: props,
		abortSignal: new AbortController().signal,
		compositionId: 'ShortVideo',
		isRendering: false,
	} as unknown as Parameters<typeof calculateMetadata>[0]);

describe('frames helpers', () => {
	it('convert between seconds, ms and frames', () => {
		expect(secondsToFrames(8, 30)).toBe(240);
		expect(secondsToFrames(0.5, 30)).toBe(15);
		expect(secondsToFrames(0.8, 30)).toBe(24);
		expect(framesToMs(45, 30)).toBe(1500);
		expect(msToFrames(4000, 30)).toBe(120);
		expect(msToFrames(1017, 30)).toBe(31);
	});
});

describe('scene timeline', () => {
	it('total = Σ scene frames − Σ transitions between scenes; the first transition overlaps nothing', () => {
		// first scene's 15-frame entrance is not subtracted
		expect(totalDurationInFrames(timed([90, 15], [120, 15], [60, 24]))).toBe(90 + 120 + 60 - 15 - 24);
		expect(totalDurationInFrames(timed([90, 15], [120, 15], [60, 24]))).toBe(231);
		expect(totalDurationInFrames(timed([240, 15], [300, 15]))).toBe(525);
		expect(totalDurationInFrames(timed([100, 0], [100, 0], [100, 0]))).toBe(300);
		expect(totalDurationInFrames(timed([100, 30]))).toBe(100);
		expect(totalDurationInFrames([])).toBe(0);
	});

	it('start frames of a literal 3-scene case', () => {
		const slots = sceneSlots(timed([90, 15], [120, 15], [60, 24]));
		expect(slots.map((s) => s.startFrame)).toEqual([0, 75, 171]);
		expect(slots.map((s) => s.durationInFrames)).toEqual([90, 120, 60]);
		// speech may run until the next scene starts covering this one
		expect(slots.map((s) => s.speechFrames)).toEqual([75, 96, 60]);
		// the last scene ends exactly on the last frame of the video
		const last = slots.at(-1)!;
		expect(last.startFrame + last.durationInFrames).toBe(totalDurationInFrames(timed([90, 15], [120, 15], [60, 24])));
	});

	it('start of scene i = Σ previous durations − Σ transitions so far, for every scene', () => {
		const scenes = timed([240, 15], [300, 15], [270, 24], [270, 15], [270, 15], [270, 15], [180, 15]);
		const slots = sceneSlots(scenes);
		scenes.forEach((_, i) => {
			const previous = scenes.slice(0, i).reduce((sum, s) => sum + s.durationInFrames, 0);
			const transitions = scenes.slice(1, i + 1).reduce((sum, s) => sum + s.transition.durationInFrames, 0);
			expect(slots[i]!.startFrame).toBe(previous - transitions);
			// scene i+1 starts where scene i's speech window ends
			if (i + 1 < scenes.length) expect(slots[i + 1]!.startFrame).toBe(slots[i]!.startFrame + slots[i]!.speechFrames);
		});
		expect(slots.map((s) => s.startFrame)).toEqual([0, 225, 501, 756, 1011, 1266, 1521]);
		expect(totalDurationInFrames(scenes)).toBe(1701);
	});
});

describe('transition timing', () => {
	it('uses the seed durations: 0.5 s, dissolve 0.8 s', () => {
		expect(transitionFrames('fade', 30, 240, 300)).toBe(15);
		expect(transitionFrames('slide_left', 30, 240, 300)).toBe(15);
		expect(transitionFrames('dissolve', 30, 240, 300)).toBe(24);
		expect(transitionFrames('dissolve', 60, 480, 600)).toBe(48);
		expect(transitionFrames('fade_in', 30, null, 240)).toBe(15);
	});

	it('is clamped to half of the shorter neighbour', () => {
		expect(transitionFrames('dissolve', 30, 30, 300)).toBe(15);
		expect(transitionFrames('dissolve', 30, 300, 21)).toBe(10);
		expect(transitionFrames('fade_in', 30, null, 9)).toBe(4);
		expect(transitionFrames('fade', 30, 1, 1)).toBe(0);
	});

	it('never takes more than half of a neighbouring scene, for any pair of lengths', () => {
		for (const name of TRANSITION_NAMES) {
			for (const fps of [24, 25, 30, 60]) {
				for (let previous = 1; previous <= 80; previous += 3) {
					for (let scene = 1; scene <= 80; scene += 5) {
						const frames = transitionFrames(name, fps, previous, scene);
						expect(frames).toBeGreaterThanOrEqual(0);
						expect(frames * 2).toBeLessThanOrEqual(previous);
						expect(frames * 2).toBeLessThanOrEqual(scene);
						expect(frames).toBeLessThanOrEqual(Math.round(TRANSITION_SECONDS[name] * fps));
					}
				}
			}
		}
	});

	it('in built props, every transition fits in half of both neighbours, even for 1-second scenes', () => {
		const script = youtube();
		const short: VideoScript = { ...script, scenes: script.scenes.map((s) => ({ ...s, duration: 1 })) };
		for (const s of [script, short, douyin(), seed()]) {
			const props = buildProps(s);
			props.scenes.forEach((scene, i) => {
				const t = scene.transition.durationInFrames;
				expect(t * 2).toBeLessThanOrEqual(scene.durationInFrames);
				if (i > 0) expect(t * 2).toBeLessThanOrEqual(props.scenes[i - 1]!.durationInFrames);
			});
		}
	});
});

describe('buildProps timing', () => {
	const audio = (durationMs: number): SceneAssets => ({ audio: { src: 'a.wav', durationMs } });

	it('the seed example without audio: scripted lengths, seed transitions, literal frames', () => {
		const props = buildProps(seed());
		expect(videoPropsSchema.safeParse(props).success).toBe(true);
		expect(props.fps).toBe(30);
		expect(props.scenes.map((s) => s.durationInFrames)).toEqual([240, 300]);
		expect(props.scenes.map((s) => s.transition)).toEqual([
			{ name: 'fade_in', durationInFrames: 15 },
			{ name: 'slide_left', durationInFrames: 15 },
		]);
		expect(totalDurationInFrames(props.scenes)).toBe(525);
		expect(sceneSlots(props.scenes).map((s) => s.startFrame)).toEqual([0, 225]);
	});

	it('narration starts on its scene first frame and fits in its speech window', () => {
		const script = seed();
		const props = buildProps(script, { assets: new Map([[1, audio(4000)]]) });
		expect(videoPropsSchema.safeParse(props).success).toBe(true);
		const [first, second] = props.scenes;
		const slots = sceneSlots(props.scenes);
		// 4 s of voice in an 8 s scene: shortened to voice + 1.5 s of breathing room = 165 frames
		expect(first!.durationInFrames).toBe(165);
		expect(first!.audio).toEqual({ src: 'a.wav', durationInFrames: 120 });
		expect(second!.audio).toBeNull();
		expect(slots[0]!.startFrame).toBe(0);
		expect(slots[0]!.speechFrames).toBe(150);
		expect(first!.audio!.durationInFrames).toBeLessThanOrEqual(slots[0]!.speechFrames);
		// scene 2 starts at 165 − 15
		expect(slots[1]!.startFrame).toBe(150);
		// captions are timed from the start of the narration, i.e. from slot.startFrame, and end with the audio
		expect(first!.captions[0]!.startMs).toBe(0);
		expect(first!.captions.at(-1)!.endMs).toBeLessThanOrEqual(4000);
		expect(first!.captions.at(-1)!.endMs).toBeGreaterThan(3000);
		// the silent scene's captions stay in its speech window, 300 ms clear of the end
		expect(second!.captions[0]!.startMs).toBe(0);
		expect(second!.captions.at(-1)!.endMs).toBeLessThanOrEqual(framesToMs(slots[1]!.speechFrames, 30) - 300);
	});

	it('a voice longer than the scripted scene stretches the scene and still fits', () => {
		const script = seed();
		const props = buildProps(script, {
			assets: new Map([
				[1, audio(11_000)],
				[2, audio(9_500)],
			]),
		});
		const slots = sceneSlots(props.scenes);
		// 11 s voice > 8 s + 1 → 11.5 s, and ≥ 11 + 0.3 + 0.5 (tail for the next slide_left) = 11.8 s
		expect(props.scenes[0]!.durationInFrames).toBe(354);
		expect(props.scenes[1]!.durationInFrames).toBe(300);
		props.scenes.forEach((scene, i) => {
			expect(scene.audio!.durationInFrames).toBeLessThanOrEqual(slots[i]!.speechFrames);
		});
		expect(slots[1]!.startFrame).toBe(354 - 15);
	});

	it('every scene of both examples, with voices of many lengths: speech fits its window, starts where the slot starts', () => {
		for (const script of [douyin(), youtube()]) {
			for (const base of [900, 3_000, 6_100, 9_000, 14_250]) {
				const assets = new Map(script.scenes.map((s, i) => [s.scene_id, audio(base + 137 * i)] as const));
				const props = buildProps(script, { assets });
				expect(videoPropsSchema.safeParse(props).success).toBe(true);
				const slots = sceneSlots(props.scenes);
				let expectedStart = 0;
				props.scenes.forEach((scene, i) => {
					if (i > 0) expectedStart += props.scenes[i - 1]!.durationInFrames - scene.transition.durationInFrames;
					expect(slots[i]!.startFrame).toBe(expectedStart);
					const durationMs = base + 137 * i;
					expect(scene.audio!.durationInFrames).toBe(msToFrames(durationMs, 30));
					expect(scene.audio!.durationInFrames).toBeLessThanOrEqual(slots[i]!.speechFrames);
					// the real audio (not just its rounded frame count) ends before the next scene covers this one
					expect(durationMs).toBeLessThanOrEqual(framesToMs(slots[i]!.speechFrames, 30));
					expect(scene.captions.length).toBeGreaterThan(0);
					for (const c of scene.captions) {
						expect(c.startMs).toBeGreaterThanOrEqual(0);
						expect(c.endMs).toBeLessThanOrEqual(durationMs);
					}
				});
				expect(slots.at(-1)!.startFrame + props.scenes.at(-1)!.durationInFrames).toBe(totalDurationInFrames(props.scenes));
			}
		}
	});

	it('captions from the provider are passed through unchanged', () => {
		const captions = [
			{ text: '你是否', startMs: 0, endMs: 500, timestampMs: 0, confidence: 1 },
			{ text: '还在', startMs: 500, endMs: 900, timestampMs: 500, confidence: 0.9 },
		];
		const props = buildProps(seed(), { assets: new Map([[1, { audio: { src: 'a.wav', durationMs: 4000 }, captions }]]) });
		expect(props.scenes[0]!.captions).toEqual(captions);
	});

	it('is deterministic', () => {
		const assets = new Map([[2, audio(7_777)]]);
		expect(buildProps(douyin(), { assets })).toEqual(buildProps(douyin(), { assets }));
	});
});

describe('calculateMetadata', () => {
	it('douyin is 1080×1920 at 30 fps and lasts the total of the timeline', async () => {
		const props = buildProps(douyin());
		const meta = await metadataOf(props);
		expect(meta).toMatchObject({ width: 1080, height: 1920, fps: 30 });
		expect(meta.durationInFrames).toBe(totalDurationInFrames(props.scenes));
		// 7 scenes 240+300+270×4+180, minus 15+24+15+15+15+15 between them
		expect(meta.durationInFrames).toBe(240 + 300 + 270 * 4 + 180 - (15 + 24 + 15 + 15 + 15 + 15));
	});

	it('youtube and bilibili are 1920×1080', async () => {
		const yt = buildProps(youtube());
		expect(yt.platform).toBe('youtube');
		expect(await metadataOf(yt)).toMatchObject({ width: 1920, height: 1080, fps: 30, durationInFrames: totalDurationInFrames(yt.scenes) });
		const bili = buildProps(douyin(), { platform: 'bilibili' });
		expect(bili.aspectRatio).toBe('16:9');
		expect(await metadataOf(bili)).toMatchObject({ width: 1920, height: 1080 });
	});

	it('aspect_ratio "1:1" gives 1080×1080, whatever the platform', async () => {
		for (const platform of ['douyin', 'bilibili', 'youtube'] as const) {
			const props = buildProps({ ...seed(), target_platform: platform, aspect_ratio: '1:1' });
			expect(props.aspectRatio).toBe('1:1');
			expect(await metadataOf(props)).toMatchObject({ width: 1080, height: 1080 });
		}
	});

	it('youtube Shorts: aspect 9:16 on youtube is 1080×1920', async () => {
		const props = buildProps({ ...youtube(), aspect_ratio: '9:16' });
		expect(await metadataOf(props)).toMatchObject({ width: 1080, height: 1920 });
	});

	it('fps comes from the script', async () => {
		const props = buildProps({ ...seed(), fps: 60 });
		const meta = await metadataOf(props);
		expect(meta.fps).toBe(60);
		expect(props.scenes.map((s) => s.durationInFrames)).toEqual([480, 600]);
		expect(meta.durationInFrames).toBe(480 + 600 - 30);
	});
});

describe('buildProps with a very short audio clip', () => {
	it('still gives the narration at least one frame, as the props schema requires', () => {
		const script = videoScriptSchema.parse({
			title: 't',
			duration_target: 2,
			scenes: [{ scene_id: 1, narration: '嗯', visual_description: 'A short blip of sound over a plain wall.', duration: 2 }],
		});
		const props = buildProps(script, { assets: new Map([[1, { audio: { src: 'a.wav', durationMs: 10 } }]]) });
		expect(props.scenes[0]!.audio!.durationInFrames).toBe(1);
		expect(videoPropsSchema.safeParse(props).success).toBe(true);
	});
});
