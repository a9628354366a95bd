import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, unlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AssetCache } from '../src/cache/asset-cache';
import { cacheKey } from '../src/cache/cache-key';
import { cachedOrGenerate } from '../src/pipeline/assets/cached-or-generate';
import { readManifest, takeFor, type Manifest } from '../src/pipeline/assets/manifest';
import { mapLimited } from '../src/pipeline/assets/map-limited';
import { parseRedo } from '../src/pipeline/assets/redo';
import { findCachedScript, writeScript } from '../src/pipeline/stages/write-script';
import type { ScriptProvider, ScriptRequest } from '../src/providers/script/script-provider';
import { videoScriptSchema } from '../src/schema/video-script';
import { validScript } from './helpers/script-builders';

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
		const warnings: string[] = [];
		const cache = new AssetCache(root, { onWarning: (message) => warnings.push(message) });
		await cache.put('image', 'k1', bytes, 'jpg', () => ({}));
		await truncate(path.join(root, 'image/k1.jpg'), 4);
		expect(await cache.get('image', 'k1')).toBeNull();
		expect(warnings).toEqual(['cache: image/k1… is corrupt (its file is 4 bytes, its record says 10); making it again']);
		// a run killed between the data file and its record: a plain miss
		await writeFile(path.join(root, 'image/k2.jpg'), bytes);
		expect(await cache.get('image', 'k2')).toBeNull();
		expect(warnings).toHaveLength(1);
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

describe('AssetCache: entries it cannot trust', () => {
	const bytes = new TextEncoder().encode('0123456789');
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const KEY = '3fa2c1d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';
	const recordFile = () => path.join(root, 'voice', `${KEY}.meta.json`);
	let outside: string;
	let warnings: string[];
	let cache: AssetCache;
	beforeEach(async () => {
		// a folder beside the cache root: what a foreign record points at
		outside = await mkdtemp(path.join(tmpdir(), 'reelsmith-outside-'));
		await writeFile(path.join(outside, 'x'), bytes);
		warnings = [];
		cache = new AssetCache(root, { onWarning: (message) => warnings.push(message) });
		await cache.put('voice', KEY, bytes, 'wav', () => ({ durationMs: 5 }));
	});
	afterEach(async () => {
		await rm(outside, { recursive: true, force: true });
	});

	const rewriteRecord = async (patch: Record<string, unknown>) => {
		const record = JSON.parse(await readFile(recordFile(), 'utf8'));
		await writeFile(recordFile(), JSON.stringify({ ...record, ...patch }));
	};

	/** null, one warning with the reason however often it is asked, then a put and a get that work again. */
	const expectRejected = async (reason: string | RegExp) => {
		expect(await cache.get('voice', KEY)).toBeNull();
		expect(await cache.get('voice', KEY)).toBeNull();
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(/^cache: voice\/3fa2c1… is corrupt \(.+\); making it again$/);
		if (typeof reason === 'string') expect(warnings[0]).toContain(reason);
		else expect(warnings[0]).toMatch(reason);
		const stored = await cache.put('voice', KEY, bytes, 'wav', () => ({ durationMs: 7 }));
		expect(stored.file).toBe(`voice/${KEY}.wav`);
		expect(await cache.get('voice', KEY)).toEqual(stored);
		expect(warnings).toHaveLength(1);
		// the file outside the cache was never touched
		expect(await readFile(path.join(outside, 'x'))).toEqual(Buffer.from(bytes));
	};

	it('serves a sound entry without a word, and a missing record is a plain miss', async () => {
		expect((await cache.get('voice', KEY))?.meta).toEqual({ durationMs: 5 });
		expect(await cache.get('voice', 'f'.repeat(64))).toBeNull();
		expect(await cache.get('nostage', KEY)).toBeNull();
		expect(warnings).toEqual([]);
	});

	it.each<[string, () => string, string]>([
		['../../x', () => '../../x', 'its file "../../x" is outside the cache'],
		['a path up and out to a real file', () => path.relative(root, path.join(outside, 'x')), 'is outside the cache'],
		['a path through the stage folder and out', () => `voice/../${path.relative(root, path.join(outside, 'x'))}`, 'is outside the cache'],
		['another stage', () => 'image/x.jpg', 'its file "image/x.jpg" is outside the cache'],
		['an absolute path', () => path.join(outside, 'x'), 'is outside the cache'],
	])('refuses a record whose file is %s', async (_name, file, reason) => {
		await rewriteRecord({ file: file(), bytes: bytes.byteLength, sha256 });
		await expectRejected(reason);
	});

	it('refuses a data file that is a link to a file outside the cache, even with the right bytes', async () => {
		const data = path.join(root, 'voice', `${KEY}.wav`);
		await unlink(data);
		await symlink(path.join(outside, 'x'), data);
		await expectRejected(`its file "voice/${KEY}.wav" links outside the cache`);
	});

	it('refuses a stage folder that is a link out of the cache', async () => {
		await mkdir(path.join(outside, 'voice'));
		await writeFile(path.join(outside, 'voice', 'y.wav'), bytes);
		await symlink(path.join(outside, 'voice'), path.join(root, 'voice', 'sub'));
		await rewriteRecord({ file: 'voice/sub/y.wav' });
		await expectRejected('links outside the cache');
	});

	it('refuses a file with flipped bytes but the same size', async () => {
		const data = path.join(root, 'voice', `${KEY}.wav`);
		const flipped = Buffer.from(await readFile(data));
		flipped.writeUInt8(flipped.readUInt8(3) ^ 0xff, 3);
		await writeFile(data, flipped);
		await expectRejected('sha256 does not match its record');
	});

	it('refuses a file of another size, a missing file and one that is not a regular file', async () => {
		await truncate(path.join(root, 'voice', `${KEY}.wav`), 4);
		await expectRejected('its file is 4 bytes, its record says 10');
		warnings = [];
		await unlink(path.join(root, 'voice', `${KEY}.wav`));
		await expectRejected('is missing');
		warnings = [];
		await mkdir(path.join(root, 'voice', 'folder'));
		await rewriteRecord({ file: 'voice/folder' });
		await expectRejected('its file "voice/folder" is not a regular file');
	});

	it.each<[string, string, string]>([
		['truncated', '{"file":"voice/3fa2', 'its record is not valid JSON'],
		['garbage', '\u0000\u00ff garbage', 'its record is not valid JSON'],
		['empty', '', 'its record is not valid JSON'],
		['not an object', '[1,2]', 'its record is not a JSON object'],
	])('refuses a %s record', async (_name, text, reason) => {
		await writeFile(recordFile(), text);
		await expectRejected(reason);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['file a number', { file: 42 }, 'its record has no file name'],
		['bytes a string', { bytes: '10' }, 'its record has no valid size'],
		['bytes negative', { bytes: -1 }, 'its record has no valid size'],
		['sha256 not hex', { sha256: 'zz' }, 'its record has no valid sha256'],
		['meta null', { meta: null }, 'its record has no metadata'],
		['meta missing', { meta: undefined }, 'its record has no metadata'],
	])('refuses a record with %s', async (_name, patch, reason) => {
		await rewriteRecord(patch);
		await expectRejected(reason);
	});

	it('regenerates a corrupt entry through cachedOrGenerate, warning once', async () => {
		await writeFile(path.join(root, 'voice', `${KEY}.wav`), 'abcdefghij');
		let calls = 0;
		const generate = async () => {
			calls++;
			return { data: bytes, extension: 'wav' };
		};
		const first = await cachedOrGenerate(cache, 'voice', KEY, generate, () => ({ durationMs: 9 }));
		const second = await cachedOrGenerate(cache, 'voice', KEY, generate, () => ({ durationMs: 1 }));
		expect([first.cached, second.cached, calls, second.asset.meta]).toEqual([false, true, 1, { durationMs: 9 }]);
		expect(warnings).toEqual([expect.stringContaining('sha256 does not match its record')]);
	});

	it('warns again when an entry made again is damaged again', async () => {
		const data = path.join(root, 'voice', `${KEY}.wav`);
		await writeFile(data, 'abcdefghij');
		expect(await cache.get('voice', KEY)).toBeNull();
		await cache.put('voice', KEY, bytes, 'wav', () => ({ durationMs: 5 }));
		await writeFile(data, 'abcdefghij');
		expect(await cache.get('voice', KEY)).toBeNull();
		expect(warnings).toHaveLength(2);
	});

	it('prints to stderr by default', async () => {
		const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			await writeFile(recordFile(), '{');
			expect(await new AssetCache(root).get('voice', KEY)).toBeNull();
			expect(printed).toHaveBeenCalledWith('cache: voice/3fa2c1… is corrupt (its record is not valid JSON); making it again');
		} finally {
			printed.mockRestore();
		}
	});

	it('refuses to store metadata that is not an object', async () => {
		await expect(cache.put('voice', 'k', bytes, 'wav', () => 5)).rejects.toThrow('must be a JSON object');
		expect(await cache.get('voice', 'k')).toBeNull();
	});
});

describe('a corrupt manifest or cached script', () => {
	it('reads a damaged manifest as absent, with a warning, and a damaged take as the first', async () => {
		const file = path.join(root, 'manifest.json');
		const warnings: string[] = [];
		const warn = (message: string) => warnings.push(message);
		expect(await readManifest(file, warn)).toBeNull();
		expect(warnings).toEqual([]);
		for (const text of ['{"cache": ".cache", "scen', '{"cache": ".cache", "scenes": null}', '[]', 'null']) {
			await writeFile(file, text);
			expect(await readManifest(file, warn)).toBeNull();
		}
		expect(warnings).toEqual([
			expect.stringMatching(/manifest: .*manifest\.json is corrupt \(not valid JSON\); going on without it/),
			...Array(3).fill(expect.stringContaining('is corrupt (no "scenes" object)')),
		]);
		const odd = { cache: '.cache', scenes: { '1': { voice: { take: 'x' } }, '2': null, '3': { image: { take: -2 } } } } as unknown as Manifest;
		expect([takeFor(odd, 1, 'voice', true), takeFor(odd, 2, 'voice', false), takeFor(odd, 3, 'image', true)]).toEqual([1, 0, 1]);
	});

	const request: ScriptRequest = { source: { kind: 'article', text: 'An article.', name: 'a.md' }, platform: 'douyin' };
	const writer = () => {
		let calls = 0;
		const provider: ScriptProvider = {
			name: 'fake',
			model: 'm1',
			offline: true,
			write: async () => {
				calls++;
				return { script: videoScriptSchema.parse(validScript()), notes: ['cut'] };
			},
		};
		return { provider, calls: () => calls };
	};

	/** Replaces the cached script's data and keeps its record consistent: an entry from an older, different version. */
	const replaceScript = async (text: string) => {
		const dir = path.join(root, 'script');
		const recordName = (await readdir(dir)).find((name) => name.endsWith('.meta.json'))!;
		const record = JSON.parse(await readFile(path.join(dir, recordName), 'utf8'));
		const data = Buffer.from(text);
		await writeFile(path.join(root, record.file), data);
		await writeFile(path.join(dir, recordName), JSON.stringify({ ...record, bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') }));
	};

	it('writes a script again when its cached entry is damaged or no longer a script, instead of crashing', async () => {
		const warnings: string[] = [];
		const cache = new AssetCache(root, { onWarning: (message) => warnings.push(message) });
		const { provider, calls } = writer();
		const first = await writeScript(provider, request, cache);
		expect((await writeScript(provider, request, cache)).stats).toMatchObject({ cached: 1, generated: 0 });
		expect(calls()).toBe(1);

		for (const text of ['{"title": 5}', 'not json']) {
			await replaceScript(text);
			expect(await findCachedScript(provider, request, cache)).toBeNull();
			const again = await writeScript(provider, request, cache);
			expect(again.stats.generated).toBe(1);
			expect(again.script).toEqual(first.script);
			expect(again.notes).toEqual(['cut']);
			expect(await findCachedScript(provider, request, cache)).toEqual(first.script);
		}
		expect(calls()).toBe(3);
		expect(warnings).toEqual([
			expect.stringMatching(/^cache: script\/[0-9a-f]{6}… is corrupt \(its file is not a valid script\); making it again$/),
			expect.stringMatching(/^cache: script\/[0-9a-f]{6}… is corrupt \(its file is not valid JSON\); making it again$/),
		]);
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
