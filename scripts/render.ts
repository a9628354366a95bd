import path from 'node:path';
import { parseArgs } from 'node:util';
import { createProgressBar } from '../src/pipeline/progress/progress-bar';
import { runCli, usageError } from '../src/pipeline/run-cli';
import { renderScript } from '../src/pipeline/stages/render-script';
import { PLATFORM_NAMES, type PlatformName } from '../src/schema/platforms';
import { InputError } from '../src/pipeline/input-error';

const USAGE = `usage: npm run render -- --props script.json [--platform ${PLATFORM_NAMES.join('|')}] [--out DIR] [--draft]`;

await runCli('render', async () => {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				props: { type: 'string' },
				platform: { type: 'string' },
				out: { type: 'string', default: 'out' },
				draft: { type: 'boolean', default: false },
			},
			strict: true,
			allowPositionals: false,
		}));
	} catch (error) {
		throw usageError(USAGE, (error as Error).message);
	}
	if (!values.props) throw usageError(USAGE, '--props is required: the script JSON to render');
	const platform = values.platform;
	if (platform !== undefined && !(PLATFORM_NAMES as readonly string[]).includes(platform)) {
		throw new InputError('arguments', [
			{ path: '--platform', message: `unknown platform ${JSON.stringify(platform)}; use one of: ${PLATFORM_NAMES.join(', ')}` },
		]);
	}
	const bar = createProgressBar('render');
	const result = await renderScript({
		scriptFile: values.props,
		outDir: path.resolve(values.out),
		...(platform ? { platform: platform as PlatformName } : {}),
		draft: values.draft,
		onStage: (message) => console.error(`render: ${message}`),
		onProgress: (p) => bar.update(p),
	});
	bar.done();
	const entry = result.summary.platforms[result.platform]!;
	console.log(
		`video:   ${path.relative(process.cwd(), result.video)}\n` +
			`summary: ${path.relative(process.cwd(), result.summaryFile)}\n` +
			`${entry.width}x${entry.height} ${entry.fps} fps, ${entry.durationInFrames} frames, ` +
			`${(entry.sizeBytes / 2 ** 20).toFixed(1)} MiB, rendered in ${(entry.renderWallMs / 1000).toFixed(1)} s (${entry.renderFps} fps)`,
	);
});
