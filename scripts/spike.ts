import { readFileSync } from 'node:fs';
import { bundleSite } from '../src/pipeline/render/bundle-site';
import { renderVideo } from '../src/pipeline/render/render-video';
import { renderSettings } from '../src/pipeline/render/render-settings';
import { buildProps } from '../src/props/build-props';
import { parseScriptText } from '../src/schema/parse-script';
const r = parseScriptText(readFileSync(process.argv[2]!, 'utf8'));
if (!r.ok) { console.log(r.problems); process.exit(2); }
const props = buildProps(r.script);
let t = Date.now();
const url = await bundleSite();
console.log('bundle ms', Date.now() - t);
const res = await renderVideo({ serveUrl: url, props, outputFile: '/tmp/spike/video.mp4', settings: renderSettings(process.argv[3] === 'draft'), onProgress: (p) => { if (p.renderedFrames % 100 === 0) console.log(p.renderedFrames, p.encodedFrames, p.totalFrames); } });
console.log(res);
