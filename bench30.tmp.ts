import { makeBenchAssets } from './src/bench/bench-assets';
import { videoScriptSchema } from './src/schema/video-script';
import { buildProps } from './src/props/build-props';
const t = performance.now();
const { script } = await makeBenchAssets('/tmp/benchcheck', { minutes: 30, sceneSeconds: 0.2 });
const parsed = videoScriptSchema.parse(script);
const props = buildProps(parsed, { assets: new Map() });
console.log(parsed.scenes.length, props.scenes.length, Math.round(performance.now() - t), 'ms');
