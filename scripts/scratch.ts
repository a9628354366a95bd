import { bundle } from '@remotion/bundler';
import { openBrowser, renderMedia, selectComposition, renderFrames } from '@remotion/renderer';
const serveUrl = await bundle({ entryPoint: '/work/main/src/scratch-index.tsx', publicDir: '/tmp/ba', symlinkPublicDir: true });
const chromiumOptions = { gl: null, enableMultiProcessOnLinux: true } as const;
const browser = await openBrowser('chrome', { browserExecutable: '/usr/bin/chromium-headless-shell', chromiumOptions });
for (const id of (process.env.IDS ?? 'Blank,KB').split(',')) {
	const composition = await selectComposition({ serveUrl, id, puppeteerInstance: browser, chromiumOptions, inputProps: {} });
	let t = performance.now();
	await renderMedia({ serveUrl, composition, codec: 'h264', outputLocation: `/tmp/scratch-${id}.mp4`, puppeteerInstance: browser, chromiumOptions, concurrency: 2, imageFormat: 'jpeg', jpegQuality: 80, x264Preset: 'veryfast', frameRange: [0, 149], logLevel: 'error' });
	const a = (performance.now() - t) / 1000;
	t = performance.now();
	await renderFrames({ serveUrl, composition, outputDir: null, onFrameBuffer: () => {}, onStart: () => {}, inputProps: {}, puppeteerInstance: browser, chromiumOptions, concurrency: 2, imageFormat: 'jpeg', jpegQuality: 80, frameRange: [0, 149], logLevel: 'verbose' } as never);
	const b = (performance.now() - t) / 1000;
	console.log(id, 'media fps', (150 / a).toFixed(1), 'frames-only fps', (150 / b).toFixed(1));
}
await browser.close({ silent: true });
