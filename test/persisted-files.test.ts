import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssetCache } from '../src/cache/asset-cache';
import { CACHE_RECORD_VERSION } from '../src/cache/cache-record';
import { readManifest, writeManifest, type Manifest } from '../src/pipeline/assets/manifest';
import { MANIFEST_VERSION } from '../src/pipeline/assets/manifest-schema';
import { PACKAGE_RECORD_VERSION } from '../src/output/package-record';
import { packageFiles, readPackageRecord, writePackageRecord, type PackageRecord } from '../src/output/package-staging';
import { readSummary, recordRender, recordSections } from '../src/output/summary';
import { SUMMARY_VERSION } from '../src/output/summary-schema';
import { makeTempDir } from './helpers/temp-dir';

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
const withoutVersion = async (file: string) => {
	const { version: _, ...rest } = await readJson(file);
	await writeFile(file, JSON.stringify(rest));
};
const patch = async (file: string, changes: Record<string, unknown>) => writeFile(file, JSON.stringify({ ...(await readJson(file)), ...changes }));

describe('cache records', () => {
	const KEY = 'ab'.repeat(32);
	const setUp = async () => {
		const root = await makeTempDir('reelsmith-record-');
		const warnings: string[] = [];
		const cache = new AssetCache(root, { onWarning: (message) => warnings.push(message) });
		const stored = await cache.put('voice', KEY, new Uint8Array([1, 2, 3]), 'wav', () => ({ durationMs: 3 }));
		return { cache, stored, warnings, record: path.join(root, 'voice', `${KEY}.meta.json`) };
	};

	it('are written with the current version and read back', async () => {
		const { cache, stored, warnings, record } = await setUp();
		expect((await readJson(record)).version).toBe(CACHE_RECORD_VERSION);
		expect(await cache.get('voice', KEY)).toEqual(stored);
		expect(warnings).toEqual([]);
	});

	it('read one without a version (written before versions) as version 1', async () => {
		const { cache, stored, warnings, record } = await setUp();
		await withoutVersion(record);
		expect(await cache.get('voice', KEY)).toEqual(stored);
		expect(warnings).toEqual([]);
	});

	it.each<[string, Record<string, unknown>, string]>([
		[
			'a newer version',
			{ version: CACHE_RECORD_VERSION + 1 },
			`its record is version ${CACHE_RECORD_VERSION + 1}, newer than the version 1 this reelsmith reads`,
		],
		['a version that is not a number', { version: 'one' }, 'its record is version "one", not the version 1 this reelsmith reads'],
		['metadata that is a list', { meta: [1] }, 'its record has no metadata'],
	])('treat a record of %s as a miss, with a warning', async (_name, changes, reason) => {
		const { cache, warnings, record } = await setUp();
		await patch(record, changes);
		expect(await cache.get('voice', KEY)).toBeNull();
		expect(warnings).toEqual([`cache: voice/ababab… is corrupt (${reason}); making it again`]);
	});
});

describe('manifest.json', () => {
	const manifest: Manifest = {
		cache: '../.cache',
		scenes: { '1': { voice: { key: 'k', file: 'voice/k.wav', provider: 'espeak', model: 'm', take: 2 } }, '2': {} },
	};
	const setUp = async () => {
		const file = path.join(await makeTempDir('reelsmith-manifest-'), 'manifest.json');
		await writeManifest(file, manifest);
		const warnings: string[] = [];
		return { file, warnings, read: () => readManifest(file, (message) => warnings.push(message)) };
	};

	it('is written with the current version and read back', async () => {
		const { file, warnings, read } = await setUp();
		expect((await readJson(file)).version).toBe(MANIFEST_VERSION);
		expect(await read()).toEqual({ version: MANIFEST_VERSION, ...manifest });
		expect(warnings).toEqual([]);
	});

	it('reads one without a version (written before versions) as version 1', async () => {
		const { file, warnings, read } = await setUp();
		await withoutVersion(file);
		expect(await read()).toEqual({ version: 1, ...manifest });
		expect(warnings).toEqual([]);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['a newer version', { version: 2 }, 'is version 2, newer than the version 1 this reelsmith reads'],
		['a take that is not a number', { scenes: { '1': { voice: { ...manifest.scenes['1']!.voice, take: 'x' } } } }, 'is corrupt (scenes.1.voice.take: '],
		['no cache folder', { cache: 7 }, 'is corrupt (cache: '],
	])('treats one of %s as absent, with one line', async (_name, changes, reason) => {
		const { file, warnings, read } = await setUp();
		await patch(file, changes);
		expect(await read()).toBeNull();
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain(`manifest: ${file} ${reason}`);
		expect(warnings[0]).toMatch(/; going on without it, takes start again from the first$/);
		expect(warnings[0]).not.toContain('\n');
	});
});

describe('render.json', () => {
	const record: PackageRecord = {
		renderKey: 'key',
		draft: true,
		render: { durationInFrames: 30, width: 1080, height: 1920, fps: 30, sizeBytes: 10, wallMs: 5, renderFps: 6 },
		loudness: { integratedLufs: -14, truePeakDbtp: -1, lra: 5 },
	};
	const setUp = async () => {
		const dir = await makeTempDir('reelsmith-package-record-');
		await writePackageRecord(dir, record);
		return { dir, file: packageFiles(dir).record };
	};

	it('is written with the current version, read back, and read as version 1 without one', async () => {
		const { dir, file } = await setUp();
		expect((await readJson(file)).version).toBe(PACKAGE_RECORD_VERSION);
		expect(await readPackageRecord(dir)).toEqual({ version: PACKAGE_RECORD_VERSION, ...record });
		await withoutVersion(file);
		expect(await readPackageRecord(dir)).toEqual({ version: 1, ...record });
	});

	it.each<[string, Record<string, unknown>]>([
		['a newer version', { version: 2 }],
		['a size that is a string', { render: { ...record.render, sizeBytes: '10' } }],
		['no render key', { renderKey: undefined }],
	])('vouches for nothing with %s', async (_name, changes) => {
		const { dir, file } = await setUp();
		await patch(file, changes);
		expect(await readPackageRecord(dir)).toBeNull();
	});
});

describe('summary.json', () => {
	const video = { title: 'T', slug: 't', platform: 'douyin', draft: false, renderKey: 'k1' } as const;
	const figures = (dir: string, platform: string) => ({
		file: path.join(dir, platform, 'video.mp4'),
		durationInFrames: 300,
		width: 1080,
		height: 1920,
		fps: 30,
		sizeBytes: 1234,
		wallMs: 20_000,
		renderFps: 15,
	});
	const setUp = async () => {
		const dir = await makeTempDir('reelsmith-summary-');
		const file = path.join(dir, 'summary.json');
		await recordRender(file, video, figures(dir, 'douyin'));
		await recordSections(file, { stages: { render: { generated: 1, cached: 0, ms: 5 } } });
		const warnings: string[] = [];
		const onWarning = (message: string) => warnings.push(message);
		return { dir, file, warnings, onWarning };
	};

	it('is written with the current version and read back', async () => {
		const { file } = await setUp();
		expect((await readJson(file)).version).toBe(SUMMARY_VERSION);
		expect(await readSummary(file)).toMatchObject({
			version: SUMMARY_VERSION,
			title: 'T',
			outputs: ['douyin/video.mp4'],
			platforms: { douyin: { renderKey: 'k1', sizeBytes: 1234, renderWallMs: 20_000 } },
			stages: { render: { generated: 1 } },
		});
	});

	it('reads one without a version (written before versions) as version 1, and writes the version back', async () => {
		const { dir, file, warnings, onWarning } = await setUp();
		await withoutVersion(file);
		expect((await readSummary(file))?.version).toBe(1);
		await recordRender(file, { ...video, platform: 'bilibili' }, figures(dir, 'bilibili'), { onWarning });
		expect(warnings).toEqual([]);
		expect(await readJson(file)).toMatchObject({ version: SUMMARY_VERSION, outputs: ['douyin/video.mp4', 'bilibili/video.mp4'] });
	});

	it('replaces one of another shape, keeping the renders and sections that can be read, with a message', async () => {
		const { dir, file, warnings, onWarning } = await setUp();
		const sound = (await readSummary(file))!.platforms.douyin;
		// a wrong title, one render entry cut short and one whole
		await patch(file, { title: 42, platforms: { douyin: { video: 'douyin/video.mp4' }, youtube: { ...sound, video: 'youtube/video.mp4' } } });
		expect(await readSummary(file)).toBeNull();
		await recordRender(file, { ...video, platform: 'bilibili' }, figures(dir, 'bilibili'), { onWarning });
		expect(warnings).toEqual([
			`summary: ${file} cannot be used (title: Invalid input: expected string, received number); replacing it, keeping what can be read`,
		]);
		const summary = await readSummary(file);
		expect(summary).toMatchObject({
			version: SUMMARY_VERSION,
			title: 'T',
			outputs: ['youtube/video.mp4', 'bilibili/video.mp4'],
			stages: { render: { generated: 1 } },
		});
		expect(Object.keys(summary!.platforms)).toEqual(['youtube', 'bilibili']);
	});

	it('replaces one of a newer version whole, with a message', async () => {
		const { file, warnings, onWarning } = await setUp();
		await patch(file, { version: SUMMARY_VERSION + 1 });
		expect(await readSummary(file)).toBeNull();
		await recordSections(file, { title: 'T', slug: 't', outputs: [], platforms: {} }, { onWarning });
		expect(warnings).toEqual([
			`summary: ${file} cannot be used (version ${SUMMARY_VERSION + 1}, newer than the version 1 this reelsmith reads); replacing it, starting it again`,
		]);
		expect(await readJson(file)).toEqual({ version: SUMMARY_VERSION, title: 'T', slug: 't', outputs: [], platforms: {} });
	});

	it('replaces one that is not JSON, with a message', async () => {
		const { dir, file, warnings, onWarning } = await setUp();
		await writeFile(file, '{"title": "T", "pla');
		expect(await readSummary(file)).toBeNull();
		await recordRender(file, video, figures(dir, 'douyin'), { onWarning });
		expect(warnings).toEqual([`summary: ${file} cannot be used (not valid JSON); replacing it, starting it again`]);
		expect(await readSummary(file)).toMatchObject({ outputs: ['douyin/video.mp4'] });
	});
});
