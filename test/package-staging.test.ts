import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	finishedStaging,
	packageFiles,
	settleInterruptedSwap,
	stagingDirFor,
	swapInPackage,
	writePackageRecord,
	type PackageRecord,
} from '../src/output/package-staging';
import { readSummary } from '../src/output/summary';
import { makeTempDir } from './helpers/temp-dir';

const VIDEO = { title: 'Staging', slug: 'staging', platform: 'douyin' } as const;

const recordFor = (key: string, sizeBytes: number): PackageRecord => ({
	renderKey: key,
	draft: false,
	render: { durationInFrames: 30, width: 1080, height: 1920, fps: 30, sizeBytes, wallMs: 10, renderFps: 3000 },
});

/** A whole package in `dir`: a video of `content`, a cover, and the record. */
const writeWholePackage = async (dir: string, key: string, content: string) => {
	await mkdir(dir, { recursive: true });
	await writeFile(packageFiles(dir).video, content);
	await writeFile(packageFiles(dir).cover, `cover of ${content}`);
	await writePackageRecord(dir, recordFor(key, Buffer.byteLength(content)));
};

const setUp = async () => {
	const root = await makeTempDir('reelsmith-staging-');
	const platformDir = path.join(root, 'staging', 'douyin');
	return { root, platformDir, staging: stagingDirFor(platformDir), summary: path.join(root, 'staging', 'summary.json') };
};

describe('package swap', () => {
	it('puts a staged package in place of the old one, carrying the upload record and dropping the rest', async () => {
		const { platformDir, staging } = await setUp();
		await writeWholePackage(platformDir, 'old', 'old video');
		await writeFile(path.join(platformDir, 'upload.json'), '{"videoId":"v1"}');
		await writeFile(path.join(platformDir, 'stray.txt'), 'left by hand');
		await writeWholePackage(staging, 'new', 'new video');
		await swapInPackage(platformDir, ['upload.json']);
		expect(await readFile(packageFiles(platformDir).video, 'utf8')).toBe('new video');
		expect(await readFile(path.join(platformDir, 'upload.json'), 'utf8')).toBe('{"videoId":"v1"}');
		expect(existsSync(path.join(platformDir, 'stray.txt'))).toBe(false);
		expect(existsSync(staging)).toBe(false);
		expect((await readdir(path.dirname(platformDir))).sort()).toEqual(['douyin']);
	});

	it('a first package needs no old one', async () => {
		const { platformDir, staging } = await setUp();
		await writeWholePackage(staging, 'new', 'new video');
		await swapInPackage(platformDir);
		expect(await readFile(packageFiles(platformDir).cover, 'utf8')).toBe('cover of new video');
	});
});

describe('after a run killed during the swap', () => {
	it('between the renames: the old package comes back whole, and the finished staging folder is found for reuse', async () => {
		const { platformDir, staging, summary } = await setUp();
		await writeWholePackage(platformDir, 'old', 'old video');
		await settleInterruptedSwap(platformDir, summary, VIDEO);
		await writeWholePackage(staging, 'new', 'new video');
		// what the kill leaves: the old package renamed aside, the new one not yet in place
		const retired = path.join(path.dirname(platformDir), '.douyin.retired');
		await rename(platformDir, retired);

		await settleInterruptedSwap(platformDir, summary, VIDEO);
		expect(await readFile(packageFiles(platformDir).video, 'utf8')).toBe('old video');
		expect(existsSync(retired)).toBe(false);
		expect((await readSummary(summary))?.platforms.douyin?.renderKey).toBe('old');
		expect(await finishedStaging(platformDir, 'new')).toMatchObject({ renderKey: 'new' });
		expect(await finishedStaging(platformDir, 'other')).toBeNull();
	});

	it('after the renames, before the summary: the old one is removed and the summary describes the new package', async () => {
		const { platformDir, summary } = await setUp();
		await writeWholePackage(platformDir, 'old', 'old video');
		await settleInterruptedSwap(platformDir, summary, VIDEO);
		const retired = path.join(path.dirname(platformDir), '.douyin.retired');
		await writeWholePackage(retired, 'old', 'old video');
		await writeWholePackage(platformDir, 'new', 'new video!');

		await settleInterruptedSwap(platformDir, summary, VIDEO);
		expect(existsSync(retired)).toBe(false);
		expect((await readSummary(summary))?.platforms.douyin).toMatchObject({ renderKey: 'new', sizeBytes: 10, video: 'douyin/video.mp4' });
	});

	it('a staging folder whose video does not match its record is not reused', async () => {
		const { platformDir, staging } = await setUp();
		await writeWholePackage(staging, 'new', 'new video');
		await writeFile(packageFiles(staging).video, 'cut');
		expect(await finishedStaging(platformDir, 'new')).toBeNull();
	});
});
