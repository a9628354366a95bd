import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyWebRendererPatches, PATCHED_WEB_RENDERER_VERSION, WEB_RENDERER_PATCHES } from '../src/pipeline/render/web/web-renderer-patches';
import { createStyleOverrides, type OverridableStyle } from '../src/web-render/composer-style-overrides';
import { createCanvasPool } from '../src/web-render/layer-canvas-pool';
import { createRenderReadySignal } from '../src/web-render/render-ready-signal';
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
		expect(patched).toMatch(
			/^import \{ takeLayerCanvas as __reelsmithTakeLayerCanvas, releaseLayerCanvas as __reelsmithReleaseLayerCanvas \} from ".*layer-canvas-pool\.ts";/,
		);
	});

	it('leave the composer no inline style to write and put back per element, and no span to rebuild for a one-word text', async () => {
		const patched = applyWebRendererPatches(await readFile(path.join(WEB_RENDERER, 'dist/esm/index.mjs'), 'utf8'));
		const calculateTransforms = patched.slice(patched.indexOf('var calculateTransforms = '), patched.indexOf('// src/drawing/round-to-expand-rect.ts'));
		expect(calculateTransforms).not.toMatch(/\.style\.\w+ = /);
		expect(calculateTransforms).not.toContain('toReset.push(');
		expect(calculateTransforms.match(/__reelsmithOverrideInlineStyle\(parent, "(transform|scale|rotate)", "none"\)/g)).toHaveLength(3);
		expect(patched).toMatch(/__reelsmithBeginStyleOverrides\(\);\n  try \{\n    const treeWalker = document\.createTreeWalker/);
		expect(patched).toContain('if (segments.length === 1) {');
		expect(patched).toContain('const tokens = findWords(span, textDecorations.length === 0);');
		expect(patched).toContain('Promise.race(keepalive ? [rafTick, __reelsmithNextRenderReady(scope), keepalive.waitForTick()]');
		for (const module of ['layer-canvas-pool', 'render-ready-signal', 'composer-style-overrides']) {
			expect(patched).toMatch(new RegExp(`^import \\{[^}]+\\} from ".*src/web-render/${module}\\.ts";$`, 'm'));
		}
	});

	it('name the patch that no longer fits a changed source, instead of bundling an unpatched renderer', () => {
		const changed = WEB_RENDERER_PATCHES.map((p) => p.find)
			.join('\n')
			.replace('new OffscreenCanvas(scaledWidth, scaledHeight)', 'createCanvas(w, h)');
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

describe('createStyleOverrides', () => {
	/** An element whose inline style records every write, as the composer's elements would see them. */
	const element = (initial: Partial<Record<OverridableStyle, string>>) => {
		const writes: string[] = [];
		const values: Record<string, string> = { transition: '', transform: '', scale: '', rotate: '', maskImage: '', webkitMaskImage: '', filter: '', ...initial };
		const style = new Proxy(values, {
			set: (target, property: string, value: string) => {
				writes.push(`${property}=${value}`);
				target[property] = value;
				return true;
			},
		});
		return { el: { style: style as unknown as CSSStyleDeclaration }, values, writes };
	};

	it('keeps an override until the composition ends, then puts back what the page set, last overridden first', () => {
		const overrides = createStyleOverrides();
		const { el, values, writes } = element({ transform: 'scale(1.1)', scale: '2' });
		overrides.begin();
		overrides.override(el, 'transition', 'none');
		overrides.override(el, 'transform', 'none');
		expect(values.transform).toBe('none');
		expect(overrides.original(el, 'transform')).toBe('scale(1.1)');
		expect(overrides.original(el, 'scale')).toBe('2');
		overrides.end();
		expect(values).toMatchObject({ transition: '', transform: 'scale(1.1)', scale: '2' });
		expect(writes).toEqual(['transition=none', 'transform=none', 'transform=scale(1.1)', 'transition=']);
		expect(overrides.original(el, 'transform')).toBe('scale(1.1)');
	});

	it('writes a value once per composition, however many elements inside measure the same ancestor', () => {
		const overrides = createStyleOverrides();
		const { el, writes } = element({ transform: 'translateY(4px)' });
		overrides.begin();
		for (let i = 0; i < 5; i++) overrides.override(el, 'transform', 'none');
		overrides.end();
		expect(writes).toEqual(['transform=none', 'transform=translateY(4px)']);
	});

	it('puts back only when the outermost of nested compositions ends', () => {
		const overrides = createStyleOverrides();
		const { el, values } = element({ filter: 'drop-shadow(0 0 4px red)' });
		overrides.begin();
		overrides.begin();
		overrides.override(el, 'filter', 'none');
		overrides.end();
		expect(values.filter).toBe('none');
		overrides.end();
		expect(values.filter).toBe('drop-shadow(0 0 4px red)');
	});

	it('refuses an override outside a composition, which would never be put back', () => {
		const overrides = createStyleOverrides();
		const { el, writes } = element({});
		expect(() => overrides.override(el, 'maskImage', 'none')).toThrow(/overrode maskImage outside a composition/);
		expect(writes).toEqual([]);
	});
});

describe('createRenderReadySignal', () => {
	const settled = async (promise: Promise<void>) => {
		let done = false;
		void promise.then(() => (done = true));
		await new Promise((r) => setImmediate(r));
		return done;
	};

	it('wakes every waiter when the scope turns ready, and keeps the value readable', async () => {
		const signal = createRenderReadySignal();
		const scope = signal.watch({ remotion_renderReady: true as boolean, remotion_delayRenderHandles: [] as number[] });
		scope.remotion_renderReady = false;
		const first = signal.nextReady(scope);
		const second = signal.nextReady(scope);
		expect(await settled(first)).toBe(false);
		scope.remotion_renderReady = false;
		expect(await settled(second)).toBe(false);
		scope.remotion_renderReady = true;
		expect(await settled(first)).toBe(true);
		expect(await settled(second)).toBe(true);
		expect(scope.remotion_renderReady).toBe(true);
		expect(Object.keys(scope)).toContain('remotion_renderReady');
	});

	it('never wakes a waiter on a scope it does not watch', async () => {
		const signal = createRenderReadySignal();
		const scope = { remotion_renderReady: false };
		const waiting = signal.nextReady(scope);
		scope.remotion_renderReady = true;
		expect(await settled(waiting)).toBe(false);
	});
});
