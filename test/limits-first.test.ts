import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProps, type SceneAssets } from '../src/props/build-props';
import { shortestVideoSeconds } from '../src/publish/scripted-duration';
import { parseScriptText } from '../src/schema/parse-script';
import { TRANSITION_NAMES } from '../src/schema/transitions';
import { totalDurationInFrames } from '../src/timeline/scene-timeline';
import { listTree } from './helpers/file-tree';
import { runScript } from './helpers/run-command';
import { json, validScene, validScript } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';

/** `count` scenes of `seconds` each, every transition in turn. */
const scriptOf = (count: number, seconds: number, extra: Record<string, unknown> = {}) =>
	validScript({
		scenes: Array.from({ length: count }, (_, i) => validScene(i + 1, { duration: seconds, transition: TRANSITION_NAMES[i % TRANSITION_NAMES.length] })),
		duration_target: count * seconds,
		...extra,
	});

describe('shortestVideoSeconds', () => {
	it.each([30, 25, 24, 60])('is never more than the video once voiced, however long or short the voices, at %i fps', (fps) => {
		const parsed = parseScriptText(json(scriptOf(12, 9, { fps })));
		if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
		const floor = shortestVideoSeconds(parsed.script);
		for (const voiceSeconds of [0.2, 1, 4, 4.96, 7, 9, 10.5, 20]) {
			const assets = new Map<number, SceneAssets>(parsed.script.scenes.map((s) => [s.scene_id, { audio: { src: 'v.wav', durationMs: voiceSeconds * 1000 } }]));
			const props = buildProps(parsed.script, { assets });
			expect(totalDurationInFrames(props.scenes) / props.fps, `voices of ${voiceSeconds} s`).toBeGreaterThanOrEqual(floor);
		}
		// and it is a real bound, not zero: short voices shrink 9 s scenes to 5 s, less the transitions
		expect(floor).toBeGreaterThan(12 * 5 - 12 * 0.8);
	});
});

describe('a script a platform cannot take is refused before anything is made', () => {
	const refuse = async (script: Record<string, unknown>, args: readonly string[] = []) => {
		const dir = await makeTempDir('reelsmith-limits-first-');
		const file = path.join(dir, 'script.json');
		await writeFile(file, json(script));
		const out = path.join(dir, 'out');
		const result = await runScript('scripts/render.ts', ['--props', file, '--out', out, ...args]);
		return { ...result, made: await listTree(out) };
	};

	it('a 9:16 script for bilibili: exit 2, no voice, no image, no file', async () => {
		const result = await refuse(scriptOf(2, 6, { target_platform: 'bilibili', aspect_ratio: '9:16' }));
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/aspect_ratio: bilibili does not take 9:16 videos/);
		expect(result.made).toEqual([]);
	}, 60_000);

	it("a script over douyin's 600 s by its scripted lengths: exit 2 with the shortest it could be, no file", async () => {
		const result = await refuse(scriptOf(150, 6));
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/scenes: the video lasts at least \d+\.\d s, longer than douyin's limit of 600 s/);
		expect(result.made).toEqual([]);
	}, 60_000);

	it('every platform asked for is checked before the first is rendered', async () => {
		const result = await refuse(scriptOf(150, 6, { target_platform: 'youtube' }), ['--platform', 'youtube,douyin']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/douyin's limit of 600 s/);
		expect(result.stderr).not.toMatch(/voice|storyboard|render:/);
		expect(result.made).toEqual([]);
	}, 60_000);
});
