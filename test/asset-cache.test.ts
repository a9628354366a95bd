import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssetCache } from '../src/cache/asset-cache';
import { cacheKey } from '../src/cache/cache-key';
import { cachedOrGenerate } from '../src/pipeline/assets/cached-or-generate';
import { takeFor, type Manifest } from '../src/pipeline/assets/manifest';
import { mapLimited } from '../src/pipeline/assets/map-limited';
import { parseRedo } from '../src/pipeline/assets/redo';
import { videoScriptSchema } from '../src/schema/video-script';

let root: string;
beforeEach(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'reelsmith-cache-'));
});
afterEach(async () => {
	await rm(root, { recursive: true, force: true });
});

describe('cache keys', () => {
	it('ignore key order and undefined fields, and change with any part', () => {
		const base = { stage: 'voice', provider: 'espeak', model: 'm1', input: { text: '你好', language: 'zh-CN' }, options: { take: 0 } };
		expect(cacheKey(base)).toMatch(/^[0-9a-f]{64}$/);
		expect(cacheKey({ ...base, input: { language: 'zh-CN', text: '你好', voice: undefined } })).toBe(cacheKey(base));
		for (const changed of [
			{ ...base, stage: 'image' },
			{ ...base, provider: 'other' },
			{ ...base, model: 'm2' },
			{ ...base, input: { text: '你好！', language: 'zh-CN' } },
			{ ...base, options: { take: 1 } },
		]) {
			expect(cacheKey(changed)).not.toBe(cacheKey(base));
		}
	});
});

describe('AssetCache', () => {
	const bytes = new TextEncoder().encode('0123456789');

	it('stores under the key and reads it back with its metadata', async () => {
		const cache = new AssetCache(root);
		const stored = await cache.put('voice', 'abc', bytes, 'wav', () => ({ durationMs: 5 }));
		expect(stored.file).toBe('voice/abc.wav');
		expect(await readFile(path.join(root, 'voice/abc.wav'))).toEqual(Buffer.from(bytes));
		expect(await cache.get('voice', 'abc')).toEqual(stored);
		expect(await cache.get('voice', 'missing')).toBeNull();
	});

	it('does not count a data file without its record, or one whose size changed', async () => {
		const cache = new AssetCache(root);
		await cache.put('image', 'k1', bytes, 'jpg', () => ({}));
		await truncate(path.join(root, 'image/k1.jpg'), 4);
		expect(await cache.get('image', 'k1')).toBeNull();
		// a run killed between the data file and its record
		await writeFile(path.join(root, 'image/k2.jpg'), bytes);
		expect(await cache.get('image', 'k2')).toBeNull();
	});

	it('leaves no temp files behind and commits nothing when describing the asset fails', async () => {
		const cache = new AssetCache(root);
		await expect(
			cache.put('voice', 'bad', bytes, 'wav', () => {
				throw new Error('no duration');
			}),
		).rejects.toThrow('no duration');
		expect(await cache.get('voice', 'bad')).toBeNull();
		expect((await readdir(path.join(root, 'voice'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});

	it('generates once, then serves from the cache', async () => {
		const cache = new AssetCache(root);
		let calls = 0;
		const generate = async () => {
			calls++;
			return { data: bytes, extension: 'bin' };
		};
		const first = await cachedOrGenerate(cache, 'x', 'key', generate, () => ({ n: 1 }));
		const second = await cachedOrGenerate(cache, 'x', 'key', generate, () => ({ n: 2 }));
		expect([first.cached, second.cached, calls]).toEqual([false, true, 1]);
		expect(second.asset.meta).toEqual({ n: 1 });
	});
});

describe('bounded parallelism', () => {
	it('never runs more than the limit at once and keeps the order of results', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapLimited([5, 1, 4, 2, 3, 0], 2, async (ms, index) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((r) => setTimeout(r, ms * 3));
			running--;
			return index * 10;
		});
		expect(peak).toBe(2);
		expect(results).toEqual([0, 10, 20, 30, 40, 50]);
	});

	it('starts nothing new after a failure and throws it', async () => {
		const started: number[] = [];
		await expect(
			mapLimited([0, 1, 2, 3, 4], 1, async (item) => {
				started.push(item);
				if (item === 1) throw new Error('boom');
			}),
		).rejects.toThrow('boom');
		expect(started).toEqual([0, 1]);
	});
});

describe('takes and --redo', () => {
	const script = videoScriptSchema.parse({
		title: 't',
		duration_target: 10,
		scenes: [1, 2].map((id) => ({ scene_id: id, narration: 'n', visual_description: 'v', duration: 5 })),
	});

	it('parses scene:kind against the script', () => {
		expect(parseRedo(['2:voice', '1:image', '1'], script).requests).toEqual([
			{ sceneId: 2, kind: 'voice' },
			{ sceneId: 1, kind: 'image' },
			{ sceneId: 1, kind: 'voice' },
			{ sceneId: 1, kind: 'image' },
		]);
		const { problems } = parseRedo(['9:voice', 'x:y'], script);
		expect(problems.map((p) => p.message)).toEqual([
			expect.stringContaining('scene 9 is not in the script; scene ids are 1, 2'),
			expect.stringContaining('e.g. --redo 3:voice'),
		]);
	});

	it('moves a redone asset to the next take and keeps the others', () => {
		const manifest: Manifest = { cache: '.cache', scenes: { '2': { voice: { key: 'k', file: 'f', provider: 'p', model: 'm', take: 3 } } } };
		expect(takeFor(manifest, 2, 'voice', false)).toBe(3);
		expect(takeFor(manifest, 2, 'voice', true)).toBe(4);
		expect(takeFor(manifest, 2, 'image', true)).toBe(1);
		expect(takeFor(null, 1, 'voice', false)).toBe(0);
	});
});
