import { readFileSync } from 'node:fs';
import { openBrowser, renderMedia, selectComposition } from '@remotion/renderer';
import { bundleSite } from '../src/pipeline/render/bundle-site';
import { buildProps } from '../src/props/build-props';
import { parseScriptText } from '../src/schema/parse-script';
const r = parseScriptText(readFileSync(process.argv[2]!, 'utf8'));
if (!r.ok) { console.log(r.problems); process.exit(2); }
const props = buildProps(r.script);
const url = process.env.SERVE ?? await bundleSite();
console.log('serve', url);
const gl = (process.env.GL === 'null' ? null : process.env.GL ?? 'swangle') as any;
const chromiumOptions = { gl, enableMultiProcessOnLinux: process.env.MP !== '0' };
const browser = await openBrowser('chrome', { browserExecutable: '/usr/bin/chromium-headless-shell', chromiumOptions });
const composition = await selectComposition({ serveUrl: url, id: 'ShortVideo', inputProps: props, puppeteerInstance: browser, chromiumOptions });
const t = performance.now();
await renderMedia({ serveUrl: url, composition, inputProps: props, codec: 'h264', outputLocation: '/tmp/spike/out.mp4', overwrite: true, puppeteerInstance: browser, chromiumOptions, concurrency: Number(process.env.CONC ?? 2), imageFormat: (process.env.FMT ?? 'jpeg') as any, jpegQuality: 80, x264Preset: (process.env.PRESET ?? 'veryfast') as any, frameRange: [0, Number(process.env.FRAMES ?? 150) - 1], enforceAudioTrack: true, logLevel: (process.env.LOG ?? 'error') as any });
const s = (performance.now() - t) / 1000;
console.log(JSON.stringify({ gl, conc: process.env.CONC, secs: s.toFixed(1), fps: (Number(process.env.FRAMES ?? 150) / s).toFixed(2) }));
await browser.close({ silent: true });
