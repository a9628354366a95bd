import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSite } from '../src/pipeline/render/bundle-site';
import { renderSettings } from '../src/pipeline/render/render-settings';
import { renderVideo } from '../src/pipeline/render/render-video';
import { buildProps } from '../src/props/build-props';
import { parseScriptText } from '../src/schema/parse-script';
import { quadrantImage, SQUARE } from './helpers/quadrant-image';
import { ROOT } from './helpers/run-command';
import { lumaAt, videoColor } from './helpers/video-color';

/** Past the first scene's fade-in, while its picture still fills the frame. */
const FRAMES = 30;

describe('the screenshot engine encodes limited-range BT.709', () => {
	let dir: string;
	let serveUrl: string;
	let video: string;
	let size: { width: number; height: number };

	beforeAll(async () => {
		const parsed = parseScriptText(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8'));
		if (!parsed.ok) throw new Error('fixture is invalid');
		dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-colour-'));
		await writeFile(path.join(dir, 'picture.png'), await quadrantImage(1920, 1080));
		const built = buildProps(parsed.script);
		const props = { ...built, scenes: built.scenes.map((s, i) => (i === 0 ? { ...s, image: { src: 'picture.png' } } : s)) };
		serveUrl = await bundleSite(dir);
		video = path.join(dir, 'video.mp4');
		size = await renderVideo({ serveUrl, props, outputFile: video, settings: renderSettings(true, { engine: 'screenshot' }), frameRange: [0, FRAMES - 1] });
	}, 300_000);

	afterAll(async () => {
		await Promise.all([dir, serveUrl].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
	});

	it('tags the video bt709, tv range', async () => {
		expect(await videoColor(video)).toEqual({ pix_fmt: 'yuv420p', color_range: 'tv', color_space: 'bt709', color_transfer: 'bt709', color_primaries: 'bt709' });
	});

	it("stores the samples in that range: the picture's near-white square is Y 16 + 219·250/255, not 250", async () => {
		const expected = Math.round(16 + (219 * SQUARE[0]) / 255);
		const luma = await lumaAt(video, FRAMES - 1, Math.round(size.width / 2), Math.round(size.height / 2));
		expect(Math.abs(luma - expected)).toBeLessThanOrEqual(3);
	});
});
