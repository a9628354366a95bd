import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSite } from '../src/pipeline/render/bundle-site';
import { renderFrame } from '../src/pipeline/render/render-frame';
import { renderSettings } from '../src/pipeline/render/render-settings';
import { renderFrameOnWeb } from '../src/pipeline/render/web/render-frame-on-web';
import { renderVideoOnWeb } from '../src/pipeline/render/web/render-video-on-web';
import { parseByteRange } from '../src/pipeline/render/web/byte-range';
import { buildProps } from '../src/props/build-props';
import { ASPECT_SIZES } from '../src/schema/platforms';
import { parseScriptText } from '../src/schema/parse-script';
import type { VideoProps } from '../src/schema/video-props';
import { sceneSlots } from '../src/timeline/scene-timeline';
import { layoutFor } from '../src/timeline/layout';
import { decodeRgb, type RgbImage } from './helpers/decode-image';
import { psnr } from './helpers/psnr';
import { quadrantImage } from './helpers/quadrant-image';
import { ROOT } from './helpers/run-command';
import { makeTempDir, removeAfterFile } from './helpers/temp-dir';

describe('the web renderer draws what the screenshot renderer draws', () => {
	let props: VideoProps;
	let dir: string;
	const frames: Record<string, number> = {};
	const pairs: Record<string, { web: RgbImage; screenshot: RgbImage }> = {};

	beforeAll(async () => {
		const parsed = parseScriptText(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8'));
		if (!parsed.ok) throw new Error('fixture is invalid');
		dir = await makeTempDir('reelsmith-web-');
		await writeFile(path.join(dir, 'picture.png'), await quadrantImage(1920, 1080));
		// scene 1 has a picture, scenes 2 and 3 the designed background; 2 slides in, 3 wipes in
		const built = buildProps(parsed.script);
		props = { ...built, scenes: built.scenes.map((s, i) => (i === 0 ? { ...s, image: { src: 'picture.png' } } : s)) };
		const slots = sceneSlots(props.scenes);
		const mid = (i: number) => slots[i]!.startFrame + Math.floor(props.scenes[i]!.transition.durationInFrames / 2);
		frames.captioned = Math.round((((props.scenes[0]!.captions[2]!.startMs + props.scenes[0]!.captions[2]!.endMs) / 2) * props.fps) / 1000);
		frames.slide = mid(1);
		frames.wipe = mid(2);
		frames.background = slots[2]!.startFrame + 40;
		const serveUrl = removeAfterFile(await bundleSite(dir));
		const { width, height } = ASPECT_SIZES[props.aspectRatio];
		for (const [name, frame] of Object.entries(frames)) {
			await renderFrameOnWeb(dir, props, frame, path.join(dir, `${name}-web.png`));
			await renderFrame(serveUrl, props, frame, path.join(dir, `${name}-screenshot.png`));
			pairs[name] = {
				web: await decodeRgb(path.join(dir, `${name}-web.png`), width, height),
				screenshot: await decodeRgb(path.join(dir, `${name}-screenshot.png`), width, height),
			};
		}
	}, 300_000);

	it.each(['captioned', 'slide', 'wipe', 'background'])('frame "%s" matches, within antialiasing', (name) => {
		expect(psnr(pairs[name]!.web, pairs[name]!.screenshot)).toBeGreaterThan(27);
	});

	it('draws the captions in the same place', () => {
		const { width, height } = ASPECT_SIZES[props.aspectRatio];
		const box = layoutFor(props.aspectRatio, width, height).captions;
		expect(psnr(pairs.captioned!.web, pairs.captioned!.screenshot, box)).toBeGreaterThan(22);
	});

	it('fails with the cause, and leaves no partial file (only the chunk store a rerun resumes from), when an asset is missing', async () => {
		const out = await makeTempDir('reelsmith-web-missing-');
		const broken: VideoProps = { ...props, scenes: props.scenes.map((s, i) => (i === 0 ? { ...s, image: { src: 'nowhere.png' } } : s)) };
		await expect(
			renderVideoOnWeb({ publicDir: dir, props: broken, outputFile: path.join(out, 'video.mp4'), settings: renderSettings(true), frameRange: [0, 5] }),
		).rejects.toThrow(/chunk 1 of 1 \(frames 0–5\) failed at frame 0: the web renderer failed: .*nowhere\.png.*; Chromium's log: /);
		expect(await readdir(out)).toEqual(['.video.mp4.chunks']);
		expect((await readdir(path.join(out, '.video.mp4.chunks'), { recursive: true })).filter((name) => name.includes('.partial'))).toEqual([]);
	}, 120_000);
});

describe('byte ranges of served assets', () => {
	it('reads one range, open-ended or from the end, clamped to the file', () => {
		expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
		expect(parseByteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
		expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
		expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
		expect(parseByteRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
	});
	it('sends the whole file for no range or one it does not serve, and refuses one outside the file', () => {
		expect(parseByteRange(undefined, 1000)).toBeNull();
		expect(parseByteRange('bytes=0-1,5-6', 1000)).toBeNull();
		expect(parseByteRange('items=0-1', 1000)).toBeNull();
		expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
		expect(parseByteRange('bytes=9-3', 1000)).toBe('unsatisfiable');
		expect(parseByteRange('bytes=-0', 1000)).toBe('unsatisfiable');
	});
});
