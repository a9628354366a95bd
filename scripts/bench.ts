import { existsSync } from 'node:fs';
import path from 'node:path';
import { BASELINE_MAX_SCENES, BENCH_MAX_MINUTES, BENCH_SCENES, benchSceneCount, makeBenchAssets } from '../src/bench/bench-assets';
import { watchPeakRss } from '../src/bench/process-tree-rss';
import { runSeedBaseline } from '../src/bench/run-baseline';
import { makeOwnedTempDir } from '../src/node/owned-temp-dir';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { bundleSite } from '../src/pipeline/render/bundle-site';
import { PROJECT_ROOT } from '../src/node/project-root';
import { renderSettings, type RenderEngine } from '../src/pipeline/render/render-settings';
import { renderWithEngine } from '../src/pipeline/render/render-with-engine';
import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { runCli, usageError } from '../src/pipeline/run-cli';
import { buildProps, type SceneAssets } from '../src/props/build-props';
import { MAX_SCENES, videoScriptSchema } from '../src/schema/video-script';

const USAGE =
	'usage: npm run bench -- [--minutes N] [--skip-baseline | --baseline PATH] [--engine web|screenshot] [--frames N] [--concurrency N] ' +
	'[--chunk-frames N] [--web-bpp X] [--preset P] [--jpeg-quality Q] [--assets DIR]';

const seconds = (ms: number) => (ms / 1000).toFixed(1);

await runCli('bench', async () => {
	const { values } = parseFlags(USAGE, {
		baseline: { type: 'string', default: path.resolve(PROJECT_ROOT, '../shared/bench/seed-ffmpeg-baseline.sh') },
		'skip-baseline': { type: 'boolean', default: false },
		minutes: { type: 'string', default: '1' },
		concurrency: { type: 'string' },
		preset: { type: 'string' },
		'jpeg-quality': { type: 'string' },
		assets: { type: 'string' },
		frames: { type: 'string' },
		engine: { type: 'string' },
		'web-bpp': { type: 'string' },
		'chunk-frames': { type: 'string' },
	});
	const minutes = Number(values.minutes);
	if (!(minutes > 0)) throw usageError(USAGE, `--minutes must be a number above 0, got ${values.minutes}`);
	if (benchSceneCount(minutes) > MAX_SCENES) {
		throw usageError(
			USAGE,
			`--minutes ${minutes} makes ${benchSceneCount(minutes)} scenes, more than the ${MAX_SCENES} a script may have; give --minutes ${BENCH_MAX_MINUTES} or less`,
		);
	}
	if (!values['skip-baseline'] && minutes * BENCH_SCENES > BASELINE_MAX_SCENES) {
		throw usageError(
			USAGE,
			`the seed's baseline reads at most ${BASELINE_MAX_SCENES} scenes (${Math.floor(BASELINE_MAX_SCENES / BENCH_SCENES)} minutes); add --skip-baseline for --minutes ${minutes}`,
		);
	}
	const temp = values.assets ? null : makeOwnedTempDir('bench');
	const dir = values.assets ? path.resolve(values.assets) : temp!.path;
	try {
		console.log(`bench: assets in ${dir}`);
		const { script: input } = await makeBenchAssets(dir, { minutes });
		const script = videoScriptSchema.parse(input);
		const assets = new Map<number, SceneAssets>();
		for (const scene of script.scenes) {
			const audio = path.join(dir, scene.audio!);
			assets.set(scene.scene_id, {
				image: { src: scene.image! },
				audio: { src: scene.audio!, durationMs: (await probeMedia(audio)).durationMs },
			});
		}
		const settings = renderSettings(false, {
			...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
			...(values.preset ? { x264Preset: values.preset as never } : {}),
			...(values['jpeg-quality'] ? { jpegQuality: Number(values['jpeg-quality']) } : {}),
			...(values.engine ? { engine: values.engine as RenderEngine } : {}),
			...(values['web-bpp'] ? { webBitsPerPixel: Number(values['web-bpp']) } : {}),
			...(values['chunk-frames'] ? { chunkFrames: Number(values['chunk-frames']) } : {}),
		});
		const props = buildProps(script, { assets });

		const memory = watchPeakRss();
		const started = performance.now();
		const serveUrl = settings.engine === 'screenshot' ? await bundleSite(dir) : undefined;
		const bundledMs = performance.now() - started;
		const ours = await renderWithEngine({
			publicDir: dir,
			...(serveUrl ? { serveUrl } : {}),
			props,
			outputFile: path.join(dir, 'ours.mp4'),
			settings,
			...(values.frames ? { frameRange: [0, Number(values.frames) - 1] as const } : {}),
		});
		const oursMs = performance.now() - started;
		const peakMb = Math.round(memory.stop() / 2 ** 20);
		console.log(
			`ours: ${seconds(oursMs)} s (bundle ${seconds(bundledMs)} s, render ${seconds(ours.wallMs)} s), ` +
				`${ours.durationInFrames} frames at ${ours.width}x${ours.height}, ${ours.renderFps} fps, ` +
				`${(ours.sizeBytes / 2 ** 20).toFixed(1)} MiB, peak RSS ${peakMb} MiB, settings ${JSON.stringify(settings)}`,
		);

		let ratio = 'n/a';
		if (!values['skip-baseline']) {
			if (!existsSync(values.baseline)) throw new Error(`baseline script not found: ${values.baseline}; pass --baseline PATH`);
			const seedMs = await runSeedBaseline(values.baseline, dir, `${ours.width}x${ours.height}`, props.fps, path.join(dir, 'seed.mp4'));
			const seed = await probeMedia(path.join(dir, 'seed.mp4'));
			console.log(
				`seed: ${seconds(seedMs)} s, ${seed.video?.frames} frames (plain FFmpeg: zoompan, preset medium, concat re-encode; no captions, overlays or transitions)`,
			);
			ratio = (oursMs / seedMs).toFixed(2);
			console.log(`ratio ours/seed: ${ratio}`);
		}
		console.log(`bench: ratio=${ratio} fps=${ours.renderFps.toFixed(1)} peak_rss_mb=${peakMb}`);
	} finally {
		await temp?.remove();
	}
});
