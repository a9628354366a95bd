import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { PROJECT_ROOT } from '../bundle-site';

/** The web renderer version these patches were written against; package.json pins it exactly. */
export const PATCHED_WEB_RENDERER_VERSION = '4.0.527';

const POOL_MODULE = path.join(PROJECT_ROOT, 'src/web-render/layer-canvas-pool.ts');

type Patch = { readonly why: string; readonly find: string; readonly replace: string };

/**
 * Layer canvases come from a pool (src/web-render/layer-canvas-pool.ts) instead of `new OffscreenCanvas`
 * per frame, and go back once drawn: into the VideoFrame for a frame, into the parent for a precomposed layer.
 */
export const WEB_RENDERER_PATCHES: readonly Patch[] = [
	{
		why: 'createLayer takes its canvas from the pool',
		find: `  const canvas = new OffscreenCanvas(scaledWidth, scaledHeight);
  const context = canvas.getContext("2d");
  if (!context) {
    throw new Error("Could not get context");
  }
  await compose({`,
		replace: `  const canvas = __reelsmithTakeLayerCanvas(scaledWidth, scaledHeight);
  const context = canvas.getContext("2d");
  if (!context) {
    throw new Error("Could not get context");
  }
  await compose({`,
	},
	{
		why: 'a precomposed layer goes back once drawn into its parent',
		find: `      context.setTransform(previousTransform);
      if (waitForPageResponsiveness !== null) {`,
		replace: `      context.setTransform(previousTransform);
      __reelsmithReleaseLayerCanvas(tempContext.canvas);
      if (waitForPageResponsiveness !== null) {`,
	},
	{
		why: "a frame's layer goes back once it is a VideoFrame and handed to the encoder",
		find: `          internalState.addAddSampleTime(performance.now() - addSampleStart);`,
		replace: `          internalState.addAddSampleTime(performance.now() - addSampleStart);
          __reelsmithReleaseLayerCanvas(layerCanvas);`,
	},
];

/** Applies every patch exactly once, or says which one no longer fits (after a version bump). */
export const applyWebRendererPatches = (source: string): string => {
	let patched = source;
	for (const patch of WEB_RENDERER_PATCHES) {
		const at = patched.indexOf(patch.find);
		if (at < 0 || patched.indexOf(patch.find, at + 1) >= 0) {
			throw new Error(
				`the @remotion/web-renderer patch "${patch.why}" no longer matches its source exactly once; ` +
					`it was written for ${PATCHED_WEB_RENDERER_VERSION}: update src/pipeline/render/web/web-renderer-patches.ts`,
			);
		}
		patched = patched.slice(0, at) + patch.replace + patched.slice(at + patch.find.length);
	}
	const imports = `import { takeLayerCanvas as __reelsmithTakeLayerCanvas, releaseLayerCanvas as __reelsmithReleaseLayerCanvas } from ${JSON.stringify(POOL_MODULE)};\n`;
	return imports + patched;
};

/** esbuild plugin: patches @remotion/web-renderer's module as the page bundle is built. */
export const webRendererPatchPlugin = (): Plugin => ({
	name: 'reelsmith-web-renderer-patches',
	setup(build) {
		build.onLoad({ filter: /[\\/]@remotion[\\/]web-renderer[\\/]dist[\\/]esm[\\/]index\.mjs$/ }, async (args) => ({
			contents: applyWebRendererPatches(await readFile(args.path, 'utf8')),
			loader: 'js',
			resolveDir: path.dirname(args.path),
		}));
	},
});
