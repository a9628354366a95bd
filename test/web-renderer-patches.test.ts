import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyWebRendererPatches, PATCHED_WEB_RENDERER_VERSION, WEB_RENDERER_PATCHES } from '../src/pipeline/render/web/web-renderer-patches';
import { createCanvasPool } from '../src/web-render/layer-canvas-pool';
import { ROOT } from './helpers/run-command';

const WEB_RENDERER = path.join(ROOT, 'node_modules/@remotion/web-renderer');

describe('the patches to @remotion/web-renderer', () => {
	it('are written for the installed version', async () => {
		const { version } = JSON.parse(await readFile(path.join(WEB_RENDERER, 'package.json'), 'utf8')) as { version: string };
		expect(version).toBe(PATCHED_WEB_RENDERER_VERSION);
	});

	it('each apply once: no layer canvas is allocated per frame any more, and every layer goes back', async () => {
		const source = await readFile(path.join(WEB_RENDERER, 'dist/esm/index.mjs'), 'utf8');
		const patched = applyWebRendererPatches(source);
		for (const patch of WEB_RENDERER_PATCHES) expect(patched).toContain(patch.replace);
		expect(patched).not.toContain('const canvas = new OffscreenCanvas(scaledWidth, scaledHeight);');
		expect(patched.match(/__reelsmithReleaseLayerCanvas\(/g)).toHaveLength(2);
		expect(patched).toMatch(/^import \{ takeLayerCanvas as __reelsmithTakeLayerCanvas, releaseLayerCanvas as __reelsmithReleaseLayerCanvas \} from ".*layer-canvas-pool\.ts";/);
	});

	it('name the patch that no longer fits a changed source, instead of bundling an unpatched renderer', () => {
		const changed = WEB_RENDERER_PATCHES.map((p) => p.find).join('\n').replace('new OffscreenCanvas(scaledWidth, scaledHeight)', 'createCanvas(w, h)');
		expect(() => applyWebRendererPatches(changed)).toThrow(/"createLayer takes its canvas from the pool" no longer matches.*4\.0\.527/);
		const twice = WEB_RENDERER_PATCHES.map((p) => p.find).join('\n') + WEB_RENDERER_PATCHES[2]!.find;
		expect(() => applyWebRendererPatches(twice)).toThrow(/goes back once it is a VideoFrame/);
	});
});

describe('createCanvasPool', () => {
	type Fake = { id: number; width: number; height: number; resets: number };
	const pool = (ringSize: number, maxSizes = 4) => {
		let next = 0;
		const made: Fake[] = [];
		const p = createCanvasPool<Fake>({
			create: (width, height) => {
				const canvas = { id: next++, width, height, resets: 0 };
				made.push(canvas);
				return canvas;
			},
			reset: (canvas) => canvas.resets++,
			ringSize,
			maxSizes,
		});
		return { p, made };
	};

	it('lets `ringSize` canvases of a size take turns, oldest first, reset before reuse', () => {
		const { p, made } = pool(3);
		const frames = Array.from({ length: 6 }, () => {
			const canvas = p.take(1920, 1080);
			p.release(canvas, 1920, 1080);
			return canvas.id;
		});
		// the canvas a frame was drawn on is left alone for the next two frames, while the encoder may hold it
		expect(frames).toEqual([0, 1, 2, 0, 1, 2]);
		expect(made).toHaveLength(3);
		expect(made.map((c) => c.resets)).toEqual([1, 1, 1]);
	});

	it('never hands out a canvas that is still in use', () => {
		const { p } = pool(0);
		const a = p.take(100, 100);
		const b = p.take(100, 100);
		expect(b).not.toBe(a);
		p.release(a, 100, 100);
		expect(p.take(100, 100)).toBe(a);
	});

	it('keeps sizes apart and drops the least recently used size beyond `maxSizes`', () => {
		const { p } = pool(0, 2);
		const big = p.take(1920, 1080);
		p.release(big, 1920, 1080);
		for (const w of [10, 20]) p.release(p.take(w, w), w, w);
		expect(p.size()).toBe(2);
		expect(p.take(1920, 1080)).not.toBe(big);
	});

	it('ignores a canvas handed back twice', () => {
		const { p } = pool(0);
		const a = p.take(10, 10);
		p.release(a, 10, 10);
		p.release(a, 10, 10);
		expect(p.size()).toBe(1);
	});
});
