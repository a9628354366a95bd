import type { WebRendererPatch } from './web-renderer-patch';

/**
 * A frame is checked for readiness as soon as its delayRender() handles clear (src/web-render/render-ready-signal.ts),
 * not only at the next animation frame or keepalive tick.
 */
export const READY_SIGNAL_PATCHES: readonly WebRendererPatch[] = [
	{
		why: "a render's delayRender() scope announces when it turns ready",
		find: `  const delayRenderScope = {
    remotion_renderReady: true,
    remotion_delayRenderTimeouts: {},
    remotion_puppeteerTimeout: delayRenderTimeoutInMilliseconds,
    remotion_attempt: 0,
    remotion_delayRenderHandles: []
  };`,
		replace: `  const delayRenderScope = __reelsmithWatchRenderReady({
    remotion_renderReady: true,
    remotion_delayRenderTimeouts: {},
    remotion_puppeteerTimeout: delayRenderTimeoutInMilliseconds,
    remotion_attempt: 0,
    remotion_delayRenderHandles: []
  });`,
	},
	{
		why: 'waiting for a frame to be ready wakes when it is, not only at the next animation frame or keepalive tick',
		find: `    const backgroundSafeTick = keepalive ? Promise.race([rafTick, keepalive.waitForTick()]) : rafTick;`,
		replace: `    const backgroundSafeTick = Promise.race(keepalive ? [rafTick, __reelsmithNextRenderReady(scope), keepalive.waitForTick()] : [rafTick, __reelsmithNextRenderReady(scope)]);`,
	},
];
