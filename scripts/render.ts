import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { assetProvidersFor, PROVIDER_USAGE, providerNamesFrom } from '../src/pipeline/cli/provider-flags';
import { VIDEO_FLAG_OPTIONS } from '../src/pipeline/cli/video-flags';
import { formatResult } from '../src/pipeline/cli/print-result';
import { formatAssetEvent } from '../src/pipeline/cli/stage-report';
import { parseOutDir } from '../src/pipeline/cli/parse-out-dir';
import { renderOverrides } from '../src/pipeline/cli/render-overrides';
import { parsePlatforms } from '../src/pipeline/cli/parse-platform';
import { createProgressBar } from '../src/pipeline/progress/progress-bar';
import { runCli, usageError } from '../src/pipeline/run-cli';
import { formatPreflight } from '../src/pipeline/preflight/preflight';
import { preflightRender } from '../src/pipeline/preflight/command-preflight';
import { checkScriptLimits, planScript, renderScript } from '../src/pipeline/stages/render-script';
import { formatPlan } from '../src/pipeline/cli/format-plan';
import { checkRenderBudget, maxCostFrom } from '../src/pipeline/stages/check-budget';
import { PLATFORM_NAMES } from '../src/schema/platforms';

const USAGE =
	`usage: npm run render -- --props script.json [--platform ${PLATFORM_NAMES.join('|')}[,…]] [--out DIR] [--music FILE] [--draft] [--renderer web|screenshot] [--dry-run] [--no-wait] ` +
	`[--redo SCENE:voice|SCENE:image|character:NAME] [--max-cost USD] ${PROVIDER_USAGE}`;

await runCli('render', async () => {
	const started = performance.now();
	const { values } = parseFlags(USAGE, { props: { type: 'string' }, ...VIDEO_FLAG_OPTIONS });
	if (!values.props) throw usageError(USAGE, '--props is required: the script JSON to render');
	const outDir = parseOutDir(values.out);
	const maxCost = maxCostFrom(values['max-cost']);
	const platforms = parsePlatforms(values.platform) ?? [undefined];
	const settings = renderOverrides(values.renderer);
	const providers = assetProvidersFor(providerNamesFrom(values));
	if (values['dry-run']) {
		try {
			console.log(
				formatPlan(
					await planScript({ scriptFile: values.props, outDir, ...(platforms[0] ? { platform: platforms[0] } : {}), redo: values.redo, ...providers }),
				),
			);
		} finally {
			await providers.voice?.close();
		}
		return;
	}
	try {
		await checkScriptLimits(values.props, platforms, values.music);
		await checkRenderBudget(maxCost, { scriptFile: values.props, outDir, platforms, redo: values.redo, ...providers }, (line) =>
			console.error(`render: ${line}`),
		);
		// after the input (script, limits, budget): ffmpeg, the browser and its encoder, disk, models: before any voice, image or frame
		const ready = await preflightRender({ scriptFile: values.props, platforms, outDir, draft: values.draft, settings, names: providerNamesFrom(values) });
		for (const line of formatPreflight(ready)) console.error(`render: ${line}`);
		// the engine the browser can run, unless --renderer forced one
		const engineSettings = ready.engine ? { ...settings, engine: ready.engine } : settings;
		for (const [index, platform] of platforms.entries()) {
			const bar = createProgressBar(`render ${platform ?? ''}`.trim());
			const result = await renderScript({
				scriptFile: values.props,
				outDir,
				...(platform ? { platform } : {}),
				draft: values.draft,
				wait: !values['no-wait'],
				settings: engineSettings,
				...(values.music ? { musicFile: values.music } : {}),
				// a redo makes one new take, shared by every platform
				redo: index === 0 ? values.redo : [],
				...providers,
				onStage: (message) => console.error(`render: ${message}`),
				onAsset: (event) => console.error(formatAssetEvent(event)),
				onProgress: (p) => bar.update(p),
			});
			bar.done();
			console.log(formatResult(result, performance.now() - started));
		}
	} finally {
		await providers.voice?.close();
	}
});
