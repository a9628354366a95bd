import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSite } from '../src/pipeline/render/bundle-site';
import { renderFrame } from '../src/pipeline/render/render-frame';
import { buildProps } from '../src/props/build-props';
import { ASPECT_SIZES } from '../src/schema/platforms';
import { parseScriptText } from '../src/schema/parse-script';
import type { VideoProps } from '../src/schema/video-props';
import { layoutFor, type Box } from '../src/timeline/layout';
import { decodeRgb, pixelAt, type RgbImage } from './helpers/decode-image';
import { ROOT } from './helpers/run-command';
import { makeTempDir, removeAfterFile } from './helpers/temp-dir';

const hex = (color: string) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
const near = (a: readonly number[], b: readonly number[], tolerance: number) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

const countIn = (box: Box, test: (x: number, y: number) => boolean) => {
	let count = 0;
	for (let y = box.top; y < box.top + box.height; y++) for (let x = box.left; x < box.left + box.width; x++) if (test(x, y)) count++;
	return count;
};

describe('captions in a rendered frame', () => {
	let props: VideoProps;
	let withCaptions: RgbImage;
	let withoutCaptions: RgbImage;
	let frame: number;

	beforeAll(async () => {
		const parsed = parseScriptText(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8'));
		if (!parsed.ok) throw new Error('fixture is invalid');
		props = buildProps(parsed.script);
		const spoken = props.scenes[0]!.captions[2]!;
		frame = Math.round((((spoken.startMs + spoken.endMs) / 2) * props.fps) / 1000);
		const silent: VideoProps = { ...props, scenes: props.scenes.map((s) => ({ ...s, captions: [] })) };
		const dir = await makeTempDir('reelsmith-still-');
		const serveUrl = removeAfterFile(await bundleSite());
		const { width, height } = ASPECT_SIZES[props.aspectRatio];
		await renderFrame(serveUrl, props, frame, path.join(dir, 'with.png'));
		await renderFrame(serveUrl, silent, frame, path.join(dir, 'without.png'));
		withCaptions = await decodeRgb(path.join(dir, 'with.png'), width, height);
		withoutCaptions = await decodeRgb(path.join(dir, 'without.png'), width, height);
	}, 180_000);

	it('draws caption text, with the spoken word highlighted, inside the caption region only', () => {
		const { width, height } = ASPECT_SIZES[props.aspectRatio];
		const box = layoutFor(props.aspectRatio, width, height).captions;
		const differs = (x: number, y: number) => !near(pixelAt(withCaptions, x, y), pixelAt(withoutCaptions, x, y), 24);

		const changedInBox = countIn(box, differs);
		expect(changedInBox).toBeGreaterThan(box.width * box.height * 0.05);

		const white = hex(props.theme.text);
		const highlight = hex(props.theme.highlight);
		expect(countIn(box, (x, y) => near(pixelAt(withCaptions, x, y), white, 30))).toBeGreaterThan(500);
		expect(countIn(box, (x, y) => near(pixelAt(withCaptions, x, y), highlight, 30))).toBeGreaterThan(100);

		const above: Box = { left: 0, top: 0, width, height: box.top - 4 };
		expect(countIn(above, differs)).toBe(0);
	});
});
