import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProgress } from '../src/pipeline/progress/format-progress';
import { slugify } from '../src/output/slug';
import { recordRender } from '../src/output/summary';
import { scriptJsonSchema } from '../src/schema/json-schema';
import { ROOT } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

describe('slugify', () => {
	it('keeps a Chinese title readable', () => {
		expect(slugify('5个改变生活的AI工具')).toBe('5个改变生活的ai工具');
	});
	it('makes titles filesystem-safe', () => {
		expect(slugify('What/Is: "AI"? <2024> | *now*')).toBe('what-is-ai-2024-now');
		expect(slugify('Ｆｕｌｌｗｉｄｔｈ　标题！')).toBe('fullwidth-标题');
	});
	it('is never empty and deterministic', () => {
		expect(slugify('???')).toMatch(/^video-[0-9a-f]{8}$/);
		expect(slugify('???')).toBe(slugify('???'));
		expect(slugify('!!!')).not.toBe(slugify('???'));
	});
	it('caps the length', () => {
		expect([...slugify('长'.repeat(200))]).toHaveLength(60);
	});
});

describe('formatProgress', () => {
	it('shows both counts, the rate and an ETA', () => {
		const line = formatProgress({ renderedFrames: 300, encodedFrames: 200, totalFrames: 1000, elapsedMs: 30_000 });
		expect(line).toContain('rendered 300/1000 encoded 200/1000');
		expect(line).toContain('10.0 fps');
		expect(line).toContain('25%');
		expect(line).toContain('ETA 1:30');
	});
	it('has no ETA before any work and 0:00 when done', () => {
		expect(formatProgress({ renderedFrames: 0, encodedFrames: 0, totalFrames: 10, elapsedMs: 0 })).toContain('ETA --:--');
		expect(formatProgress({ renderedFrames: 10, encodedFrames: 10, totalFrames: 10, elapsedMs: 5 })).toContain('ETA 0:00');
	});
});

describe('summary.json', () => {
	const result = (file: string) => ({ file, durationInFrames: 300, width: 1080, height: 1920, fps: 30, sizeBytes: 1234, wallMs: 20_000, renderFps: 15 });
	it('keeps earlier platforms and other sections when a new platform is rendered', async () => {
		const dir = await makeTempDir('reelsmith-summary-');
		const file = path.join(dir, 'summary.json');
		await recordRender(file, { title: 'T', slug: 't', platform: 'douyin', draft: false }, result(path.join(dir, 'douyin/video.mp4')));
		await recordRender(file, { title: 'T', slug: 't', platform: 'bilibili', draft: true }, result(path.join(dir, 'bilibili/video.mp4')));
		const summary = JSON.parse(await readFile(file, 'utf8'));
		expect(summary.outputs).toEqual(['douyin/video.mp4', 'bilibili/video.mp4']);
		expect(summary.platforms.douyin).toMatchObject({
			durationInFrames: 300,
			width: 1080,
			height: 1920,
			fps: 30,
			sizeBytes: 1234,
			renderWallMs: 20_000,
			renderFps: 15,
			draft: false,
		});
		expect(summary.platforms.bilibili.draft).toBe(true);
	});
});

describe('committed JSON Schema', () => {
	it('matches the zod schema (run `npm run schema` after changing it)', async () => {
		const committed = JSON.parse(await readFile(path.join(ROOT, 'schema/video-script.schema.json'), 'utf8'));
		const current = scriptJsonSchema();
		expect(committed).toEqual(JSON.parse(JSON.stringify(current)));
		expect(committed.properties.scenes.items.properties.transition.enum).toContain('wipe_right');
	});
});
