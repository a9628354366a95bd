import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProps, type SceneAssets } from '../src/props/build-props';
import { beatGridOf, transitionOverlaps } from '../src/props/music-beat';
import { parseScriptText } from '../src/schema/parse-script';
import { videoPropsSchema } from '../src/schema/video-props';
import type { VideoScript } from '../src/schema/video-script';
import { MAX_SNAP_FRAMES, beatFrames, cutsOnBeat, snapCutsToBeats, startFrames, type BeatGrid, type OverlapInto } from '../src/timeline/beat-snap';
import { sceneSlots } from '../src/timeline/scene-timeline';

const FPS = 30;
/** 120 BPM: a beat every 15 frames at 30 fps. */
const GRID: BeatGrid = { bpm: 120, offsetSeconds: 0, loopSeconds: 32 };
const noOverlap: OverlapInto = () => 0;
const fixedOverlap =
	(frames: number): OverlapInto =>
	(index) =>
		index === 0 ? 0 : frames;

const loadScript = (file: string): VideoScript => {
	const result = parseScriptText(readFileSync(new URL(file, import.meta.url), 'utf8'));
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.script;
};

describe('beat grid', () => {
	it('puts beat k at k · 60 / bpm seconds, looping with the file', () => {
		const beats = beatFrames(GRID, FPS, 100);
		expect([...beats]).toEqual([0, 15, 30, 45, 60, 75, 90]);
		// a file of 10.1 s with beats every 0.5 s from 0.2 s starts its grid again at 10.1 s
		const odd = beatFrames({ bpm: 120, offsetSeconds: 0.2, loopSeconds: 10.1 }, FPS, 330);
		expect(odd.has(6)).toBe(true);
		expect(odd.has(Math.round(9.7 * FPS))).toBe(true);
		expect(odd.has(Math.round((10.1 + 0.2) * FPS))).toBe(true);
		expect(odd.has(Math.round(10.2 * FPS))).toBe(false);
	});
});

describe('snapCutsToBeats', () => {
	it('moves cuts later onto the beat, lengthening scenes by at most MAX_SNAP_FRAMES each', () => {
		const lengths = [103, 118, 92, 60];
		const { lengths: padded, cutsOnBeat: onBeat, cuts } = snapCutsToBeats(lengths, noOverlap, FPS, GRID);
		expect(cuts).toBe(3);
		padded.forEach((n, i) => {
			expect(n).toBeGreaterThanOrEqual(lengths[i]!);
			expect(n - lengths[i]!).toBeLessThanOrEqual(MAX_SNAP_FRAMES);
		});
		expect(padded.at(-1)).toBe(lengths.at(-1));
		// 103 → 105 (a beat) puts the third cut on 315 too; the second (223) could reach 225, but then the third would
		// miss: two cuts on the beat either way, and the fewer frames added wins
		expect(padded).toEqual([105, 118, 92, 60]);
		expect(onBeat).toBe(2);
		expect(cutsOnBeat(padded, noOverlap, FPS, GRID)).toBe(2);
	});

	it('leaves every scene alone when each beat is too far', () => {
		const lengths = [20, 16, 20];
		// cuts at 20 and 36: the next beats (30, 45) are 10 and 9 frames later, more than two scenes can gain
		expect(snapCutsToBeats(lengths, noOverlap, FPS, GRID)).toEqual({ lengths, cutsOnBeat: 0, cuts: 2 });
	});

	it('lengthens an earlier scene a little for a cut further on, when that puts more cuts on the beat', () => {
		// cuts at 20 and 40: 30 is 10 frames away, but 45 is 5 away, which scenes 1 and 2 can share
		const snapped = snapCutsToBeats([20, 20, 20], noOverlap, FPS, GRID);
		expect(snapped.cutsOnBeat).toBe(1);
		expect(startFrames(snapped.lengths, noOverlap)[2]).toBe(45);
		snapped.lengths.forEach((n, i) => expect(n - [20, 20, 20][i]!).toBeLessThanOrEqual(MAX_SNAP_FRAMES));
		expect(snapped.lengths.reduce((a, b) => a + b, 0)).toBe(65);
	});

	it('puts as many cuts on the beat as any padding of at most MAX_SNAP_FRAMES a scene could (exhaustive check)', () => {
		const lengths = [97, 133, 71, 158, 64];
		const snapped = snapCutsToBeats(lengths, fixedOverlap(9), FPS, GRID);
		let most = 0;
		const pads = [0, 0, 0, 0];
		const visit = (i: number) => {
			if (i === pads.length) {
				most = Math.max(most, cutsOnBeat([...pads.map((p, j) => lengths[j]! + p), lengths[4]!], fixedOverlap(9), FPS, GRID));
				return;
			}
			for (let p = 0; p <= MAX_SNAP_FRAMES; p++) {
				pads[i] = p;
				visit(i + 1);
			}
		};
		visit(0);
		expect(snapped.cutsOnBeat).toBe(most);
		expect(most).toBeGreaterThan(0);
	});

	it('counts a cut already on the beat without moving it', () => {
		expect(snapCutsToBeats([150, 90], noOverlap, FPS, GRID)).toEqual({ lengths: [150, 90], cutsOnBeat: 1, cuts: 1 });
	});

	it('snaps the start of the next scene, which a transition pulls earlier than the end of this one', () => {
		// scene 1 of 130 with a 15-frame transition into scene 2: the cut is at 115 → 120 is 5 away; 118 → 120
		const snapped = snapCutsToBeats([133, 100], fixedOverlap(15), FPS, GRID);
		expect(startFrames(snapped.lengths, fixedOverlap(15))[1]).toBe(120);
		expect(snapped.lengths).toEqual([135, 100]);
		expect(snapped.cutsOnBeat).toBe(1);
	});

	it('takes no padding that would move an earlier cut (a transition that grows with a short scene)', () => {
		// the transition into scene 2 takes half of the shorter neighbour: lengthening scene 2 would pull cut 1 earlier
		const halfOfShorter: OverlapInto = (index, lengths) => (index === 0 ? 0 : Math.min(15, Math.floor(Math.min(lengths[index - 1]!, lengths[index]!) / 2)));
		const lengths = [150, 20, 100];
		const before = startFrames(lengths, halfOfShorter);
		const snapped = snapCutsToBeats(lengths, halfOfShorter, FPS, GRID);
		const after = startFrames(snapped.lengths, halfOfShorter);
		expect(after[1]).toBe(before[1]);
		expect(snapped.cutsOnBeat).toBe(cutsOnBeat(snapped.lengths, halfOfShorter, FPS, GRID));
	});

	it('does nothing for a single scene', () => {
		expect(snapCutsToBeats([200], noOverlap, FPS, GRID)).toEqual({ lengths: [200], cutsOnBeat: 0, cuts: 0 });
	});
});

describe('buildProps with a music bed of known tempo', () => {
	const voicedAssets = (script: VideoScript): Map<number, SceneAssets> =>
		new Map(
			script.scenes.map((scene, index) => [
				scene.scene_id,
				// voices of uneven lengths, so the cuts fall anywhere between beats
				{ audio: { src: `voice/${scene.scene_id}.wav`, durationMs: 3_000 + index * 1_137 + (scene.scene_id % 3) * 211 } },
			]),
		);

	for (const file of ['../examples/ai-tools-douyin.json', '../examples/morning-routine-youtube.json']) {
		it(`only lengthens scenes, keeps every voice clear of the next scene and reports the cuts on the beat (${file})`, () => {
			const script = loadScript(file);
			const assets = voicedAssets(script);
			const plain = buildProps(script, { assets, music: { src: 'music/bed.m4a', durationMs: 32_000 } });
			const music = { src: 'music/bed.m4a', durationMs: 32_000, bpm: 120 };
			const snapped = videoPropsSchema.parse(buildProps(script, { assets, music }));
			const grid = beatGridOf(music)!;
			const overlaps = transitionOverlaps(
				script.scenes.map((s) => s.transition),
				snapped.fps,
			);
			const lengths = snapped.scenes.map((s) => s.durationInFrames);
			const slots = sceneSlots(snapped.scenes);
			snapped.scenes.forEach((scene, i) => {
				const extra = scene.durationInFrames - plain.scenes[i]!.durationInFrames;
				expect(extra).toBeGreaterThanOrEqual(0);
				expect(extra).toBeLessThanOrEqual(MAX_SNAP_FRAMES);
				expect(scene.audio!.durationInFrames).toBeLessThanOrEqual(slots[i]!.speechFrames);
				expect(scene.captions).toEqual(plain.scenes[i]!.captions);
			});
			const onBeat = cutsOnBeat(lengths, overlaps, snapped.fps, grid);
			const plainOnBeat = cutsOnBeat(
				plain.scenes.map((s) => s.durationInFrames),
				overlaps,
				plain.fps,
				grid,
			);
			expect(onBeat).toBeGreaterThanOrEqual(plainOnBeat);
			expect(startFrames(lengths, overlaps)).toEqual(slots.map((s) => s.startFrame));
			// with no tempo the props are what they were
			expect(buildProps(script, { assets, music: { src: 'music/bed.m4a', durationMs: 32_000 } })).toEqual(plain);
		});
	}
});
