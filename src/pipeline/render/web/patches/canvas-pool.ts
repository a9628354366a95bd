import type { WebRendererPatch } from './web-renderer-patch';

/**
 * Layer canvases come from a pool (src/web-render/layer-canvas-pool.ts) instead of `new OffscreenCanvas` per
 * frame, and go back once drawn: into the VideoFrame for a frame, into the parent for a precomposed layer.
 */
export const CANVAS_POOL_PATCHES: readonly WebRendererPatch[] = [
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
