import { createCanvas } from '@napi-rs/canvas';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssetCache } from '../src/cache/asset-cache';
import { readManifest } from '../src/pipeline/assets/manifest';
import { resolveAssets, type ResolveAssetsInput } from '../src/pipeline/assets/resolve-assets';
import { PROJECT_ROOT } from '../src/node/project-root';
import { createProceduralStoryboard } from '../src/providers/storyboard/procedural/procedural-storyboard';
import { createEspeakVoice } from '../src/providers/voice/espeak/espeak-voice';
import { videoScriptSchema, type VideoScript } from '../src/schema/video-script';
import { segmentWords } from '../src/timeline/words';
import { countingStoryboard, countingVoice } from './helpers/counting-providers';

let dir: string;
const espeak = createEspeakVoice();
const voice = countingVoice(espeak);
const storyboard = countingStoryboard(createProceduralStoryboard());

const scriptWith = (narrations: readonly string[]): VideoScript =>
	videoScriptSchema.parse({
		title: '缓存测试',
		duration_target: 15,
		language: 'zh-CN',
		scenes: narrations.map((narration, index) => ({
			scene_id: index + 1,
			narration,
			visual_description: `第${index + 1}个画面，城市夜景与灯光`,
			duration: 5,
			...(index === 2 ? { image: 'own.png' } : {}),
		})),
	});

const NARRATIONS = ['今天我们聊聊缓存。', '第二句话很短。', '第三个场景用自己的图片。'];

const resolve = (script: VideoScript, redo: ResolveAssetsInput['redo'] = []) => {
	voice.calls.length = 0;
	storyboard.calls.length = 0;
	return resolveAssets({
		script,
		scriptFile: path.join(dir, 'script.json'),
		projectRoot: PROJECT_ROOT,
		language: 'zh-CN',
		outputSize: { width: 180, height: 320 },
		cache: new AssetCache(path.join(dir, 'out/.cache')),
		manifestFile: path.join(dir, 'out/video/manifest.json'),
		voice: voice.provider,
		storyboard: storyboard.provider,
		redo,
		concurrency: { voice: 2, storyboard: 2 },
	});
};

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'reelsmith-assets-'));
	const canvas = createCanvas(16, 16);
	canvas.getContext('2d').fillRect(0, 0, 8, 8);
	await writeFile(path.join(dir, 'own.png'), await canvas.encode('png'));
});
afterAll(async () => {
	await espeak.close();
	await rm(dir, { recursive: true, force: true });
});

describe('resolving assets through the cache', () => {
	it('generates what is missing, skips supplied files, and times captions from the voice', async () => {
		const result = await resolve(scriptWith(NARRATIONS));
		expect(voice.calls).toHaveLength(3);
		expect(storyboard.calls.sort()).toEqual([1, 2]);
		expect(result.stages.voice).toMatchObject({ generated: 3, cached: 0 });
		expect(result.stages.storyboard).toMatchObject({ generated: 2, cached: 0 });
		expect(result.assets.get(3)!.image!.src).toMatch(/^supplied\//);
		expect(result.sources.get(3)!.image).toBe('supplied');
		for (const [index, narration] of NARRATIONS.entries()) {
			const assets = result.assets.get(index + 1)!;
			expect(assets.audio!.durationMs).toBeGreaterThan(300);
			expect(assets.captions!.map((c) => c.text)).toEqual(segmentWords(narration, 'zh-CN').map((t) => t.text));
			expect(assets.captions!.at(-1)!.endMs).toBeLessThanOrEqual(assets.audio!.durationMs);
		}
	});

	it('makes zero provider calls on a second run', async () => {
		const result = await resolve(scriptWith(NARRATIONS));
		expect([voice.calls, storyboard.calls]).toEqual([[], []]);
		expect(result.stages.voice).toMatchObject({ generated: 0, cached: 3 });
		expect(result.stages.storyboard).toMatchObject({ generated: 0, cached: 2 });
	});

	it('re-voices only the scene whose narration changed', async () => {
		const edited = [NARRATIONS[0]!, '第二句话改过了，变长了一点。', NARRATIONS[2]!];
		const result = await resolve(scriptWith(edited));
		expect(voice.calls).toEqual([edited[1]]);
		expect(storyboard.calls).toEqual([]);
		expect(
			result.assets
				.get(2)!
				.captions!.map((c) => c.text)
				.join(''),
		).toBe(edited[1]);
	});

	it('--redo makes a new take of one scene and keeps the old one', async () => {
		const before = await readManifest(path.join(dir, 'out/video/manifest.json'));
		const oldTake = before!.scenes['1']!.voice!;
		const result = await resolve(scriptWith(NARRATIONS), [{ sceneId: 1, kind: 'voice' }]);
		expect(voice.calls).toEqual([NARRATIONS[0]]);
		expect(storyboard.calls).toEqual([]);
		const after = await readManifest(path.join(dir, 'out/video/manifest.json'));
		const newTake = after!.scenes['1']!.voice!;
		expect([oldTake.take, newTake.take]).toEqual([0, 1]);
		expect(newTake.file).not.toBe(oldTake.file);
		expect((await stat(path.join(dir, 'out/.cache', oldTake.file))).size).toBeGreaterThan(0);
		expect(await readFile(path.join(dir, 'out/.cache', newTake.file))).not.toEqual(await readFile(path.join(dir, 'out/.cache', oldTake.file)));
		expect(result.sources.get(1)!.voice).toMatchObject({ provider: 'espeak', take: 1 });

		// the next plain run stays on the new take, with no calls
		await resolve(scriptWith(NARRATIONS));
		expect(voice.calls).toEqual([]);
		expect((await readManifest(path.join(dir, 'out/video/manifest.json')))!.scenes['1']!.voice!.take).toBe(1);
	});
});
