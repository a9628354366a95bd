import { describe, expect, it } from 'vitest';
import { CurrentFrameTimeline, WholeTimeline, type SceneTimelineProps } from '../src/compositions/ShortVideo/SceneTimelines';
import { buildProps, type SceneAssets } from '../src/props/build-props';
import { parseScriptText } from '../src/schema/parse-script';
import { TRANSITION_NAMES } from '../src/schema/transitions';
import { layoutFor } from '../src/timeline/layout';
import { sceneSlots, totalDurationInFrames } from '../src/timeline/scene-timeline';
import { sceneWindowAt } from '../src/timeline/scene-window';
import { markupAtFrame } from './helpers/markup-at-frame';
import { json, validScene, validScript } from './helpers/script-builders';

/** Scenes of 1 to 3 seconds with every transition in turn, each with a picture, a voice and word-timed captions. */
const timelineOf = (sceneCount: number): { props: SceneTimelineProps; fps: number; total: number } => {
	const scenes = Array.from({ length: sceneCount }, (_, i) =>
		validScene(i + 1, { duration: 1 + (i % 3), transition: TRANSITION_NAMES[i % TRANSITION_NAMES.length], narration: `第${i + 1}幕，城市慢慢醒来。` }),
	);
	const parsed = parseScriptText(json(validScript({ scenes, fps: 30, duration_target: sceneCount * 2 })));
	if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
	const assets = new Map<number, SceneAssets>(
		parsed.script.scenes.map((scene) => [
			scene.scene_id,
			{ image: { src: `scene-${scene.scene_id}.png` }, audio: { src: `voice-${scene.scene_id}.wav`, durationMs: scene.duration * 1000 - 400 } },
		]),
	);
	const video = buildProps(parsed.script, { assets });
	return {
		props: { scenes: video.scenes, slots: sceneSlots(video.scenes), layout: layoutFor(video.aspectRatio, 1080, 1920), theme: video.theme },
		fps: 30,
		total: totalDurationInFrames(video.scenes),
	};
};

describe('sceneWindowAt', () => {
	const slots = sceneSlots([
		{ durationInFrames: 30, transition: { durationInFrames: 10 } },
		{ durationInFrames: 30, transition: { durationInFrames: 10 } },
		{ durationInFrames: 30, transition: { durationInFrames: 0 } },
		{ durationInFrames: 30, transition: { durationInFrames: 10 } },
	]);
	// scene 0: 0–29, scene 1: 20–49, scene 2: 50–79 (a cut), scene 3: 70–99

	it('mounts the scene on screen and one more each side', () => {
		expect(sceneWindowAt(slots, 0)).toEqual({ first: 0, last: 1 });
		expect(sceneWindowAt(slots, 35)).toEqual({ first: 0, last: 2 });
		expect(sceneWindowAt(slots, 99)).toEqual({ first: 2, last: 3 });
	});

	it('mounts both scenes of a transition, with their neighbours', () => {
		expect(sceneWindowAt(slots, 25)).toEqual({ first: 0, last: 2 });
		expect(sceneWindowAt(slots, 75)).toEqual({ first: 1, last: 3 });
	});

	it('moves on at a cut, and keeps to the last scene after the end', () => {
		expect(sceneWindowAt(slots, 49)).toEqual({ first: 0, last: 2 });
		expect(sceneWindowAt(slots, 50)).toEqual({ first: 1, last: 3 });
		expect(sceneWindowAt(slots, 100)).toEqual({ first: 2, last: 3 });
		expect(sceneWindowAt([], 0)).toEqual({ first: 0, last: -1 });
	});

	it('never mounts more than four scenes, however long the video', () => {
		const { props, total } = timelineOf(120);
		for (let frame = 0; frame < total; frame++) {
			const { first, last } = sceneWindowAt(props.slots, frame);
			expect(last - first + 1).toBeLessThanOrEqual(4);
		}
	});
});

describe('the timeline a render mounts', () => {
	it('draws exactly what the whole timeline draws, at every frame, through every transition', () => {
		const { props, fps, total } = timelineOf(2 * TRANSITION_NAMES.length);
		const config = { width: 1080, height: 1920, fps, durationInFrames: total };
		const shown = new Set<string>();
		for (let frame = 0; frame < total; frame++) {
			const whole = markupAtFrame(WholeTimeline, props, { ...config, frame });
			expect(markupAtFrame(CurrentFrameTimeline, props, { ...config, frame }), `frame ${frame}`).toBe(whole);
			shown.add(whole);
		}
		// the comparison means something only if the frames differ: motion, transitions and captions all move
		expect(shown.size).toBeGreaterThan(total * 0.9);
	});
});
