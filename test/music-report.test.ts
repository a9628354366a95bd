import { describe, expect, it } from 'vitest';
import { formatMusicReport, musicReport } from '../src/pipeline/stages/music-report';
import { buildProps, type SceneAssets } from '../src/props/build-props';
import { transitionOverlaps } from '../src/props/music-beat';
import { parseScriptText } from '../src/schema/parse-script';
import { snapCutsToBeats } from '../src/timeline/beat-snap';
import { json, validScene, validScript } from './helpers/script-builders';

const parsed = parseScriptText(
	json(validScript({ scenes: [validScene(1, { duration: 5 }), validScene(2, { duration: 5, transition: 'dissolve' }), validScene(3, { duration: 5 })] })),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const script = parsed.script;
const assets = new Map<number, SceneAssets>([
	[1, { audio: { src: 'v1.wav', durationMs: 5_230 } }],
	[2, { audio: { src: 'v2.wav', durationMs: 4_410 } }],
	[3, { audio: { src: 'v3.wav', durationMs: 3_000 } }],
]);

describe('summary.json music', () => {
	it("reports our bed's mood and tempo and the cuts that the snap put on its beat", () => {
		const music = { src: 'music/bed.m4a', durationMs: 32_000, bpm: 120, beatOffsetMs: 0 };
		const props = buildProps(script, { assets, music });
		const unsnapped = buildProps(script, { assets, music: { src: music.src, durationMs: music.durationMs } });
		const expected = snapCutsToBeats(
			unsnapped.scenes.map((s) => s.durationInFrames),
			transitionOverlaps(
				script.scenes.map((s) => s.transition),
				props.fps,
			),
			props.fps,
			{ bpm: 120, offsetSeconds: 0, loopSeconds: 32 },
		);
		const report = musicReport({ ...music, mood: 'upbeat' }, props);
		expect(report).toEqual({ mood: 'upbeat', bpm: 120, cutsOnBeat: expected.cutsOnBeat, cuts: 2 });
		expect(formatMusicReport(report)).toBe(`music:   upbeat, 120 BPM, ${expected.cutsOnBeat} of 2 cuts on the beat`);
	});

	it('says so when a file has no steady beat', () => {
		const music = { src: 'music/song.mp3', durationMs: 61_000 };
		const report = musicReport({ ...music, mood: null }, buildProps(script, { assets, music }));
		expect(report).toEqual({ mood: null, bpm: null, cutsOnBeat: 0, cuts: 2 });
		expect(formatMusicReport(report)).toBe('music:   your file, no steady beat found');
	});
});
