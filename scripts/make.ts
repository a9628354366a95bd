import path from 'node:path';
import { formatResult } from '../src/pipeline/cli/print-result';
import { parseOutDir } from '../src/pipeline/cli/parse-out-dir';
import { formatPreflight } from '../src/pipeline/preflight/preflight';
import { preflightMake } from '../src/pipeline/preflight/command-preflight';
import { renderOverrides } from '../src/pipeline/cli/render-overrides';
import { parsePlatforms } from '../src/pipeline/cli/parse-platform';
import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { SCRIPT_FLAG_OPTIONS } from '../src/pipeline/cli/script-flags';
import { assetProvidersFor, PROVIDER_USAGE, providerNamesFrom } from '../src/pipeline/cli/provider-flags';
import { VIDEO_FLAG_OPTIONS } from '../src/pipeline/cli/video-flags';
import { formatAssetEvent } from '../src/pipeline/cli/stage-report';
import { InputError } from '../src/schema/input-error';
import { createProgressBar } from '../src/pipeline/progress/progress-bar';
import { parseNumberFlag } from '../src/pipeline/cli/parse-number';
import { runCli, usageError } from '../src/pipeline/run-cli';
import { makeVideo, planMakeVideo } from '../src/pipeline/stages/make-video';
import { formatPlan } from '../src/pipeline/cli/format-plan';
import { budgetFor } from '../src/cost/budget';
import { maxCostFrom } from '../src/pipeline/stages/check-budget';
import type { AssetEvent } from '../src/pipeline/assets/asset-events';
import type { RenderProgress } from '../src/pipeline/render/render-video';
import { createScriptProvider } from '../src/providers/provider-factory';
import { PLATFORM_NAMES } from '../src/schema/platforms';

const USAGE =
	`usage: npm run make -- --from article.md | --topic "…" [--platform ${PLATFORM_NAMES.join('|')}[,…]] [--duration SECONDS] ` +
	`[--style informative|story|…] [--model NAME] [--temperature T] [--strict] [--out DIR] [--music FILE] [--draft] [--renderer web|screenshot] [--dry-run] [--no-wait] [--redo SCENE:voice|SCENE:image|character:NAME] [--max-cost USD] ${PROVIDER_USAGE}`;

const NO_LLM =
	'--topic needs an LLM to write the script: set OPENAI_API_KEY (and OPENAI_BASE_URL for DeepSeek, Qwen, Ollama or vLLM), ' +
	'then use --llm openai. Without one, put your notes in a file and run npm run make -- --from notes.md';

await runCli('make', async () => {
	const started = performance.now();
	const { values } = parseFlags(USAGE, { ...SCRIPT_FLAG_OPTIONS, ...VIDEO_FLAG_OPTIONS });
	if ((values.from === undefined) === (values.topic === undefined)) {
		throw usageError(USAGE, 'give exactly one of --from FILE (an article) or --topic "…"');
	}
	const [platform, ...alsoPlatforms] = parsePlatforms(values.platform) ?? [];
	const settings = renderOverrides(values.renderer);
	const durationSeconds = parseNumberFlag('--duration', values.duration, 5, 600, '60');
	const temperature = parseNumberFlag('--temperature', values.temperature, 0, 2, '0.7');
	const maxCost = maxCostFrom(values['max-cost']);
	// a topic needs an LLM: with a key configured and no choice made, use it
	const topicWithKey = values.topic !== undefined && values.llm === undefined && !process.env.REELSMITH_LLM && process.env.OPENAI_API_KEY;
	const names = providerNamesFrom({ ...values, ...(topicWithKey ? { llm: 'openai' } : {}) });
	if (values.topic !== undefined && names.llm === 'offline') throw new InputError('arguments', [{ path: '--topic', message: NO_LLM }]);

	const providers = assetProvidersFor(names);
	const bar = createProgressBar('render');
	try {
		const makeOptions = {
			source: values.from !== undefined ? { from: values.from } : { topic: values.topic! },
			outDir: parseOutDir(values.out),
			...(platform ? { platform } : {}),
			alsoPlatforms,
			...(durationSeconds !== undefined ? { durationSeconds } : {}),
			...(values.style ? { style: values.style } : {}),
			draft: values.draft,
			wait: !values['no-wait'],
			settings,
			...(values.music ? { musicFile: values.music } : {}),
			redo: values.redo,
			llm: createScriptProvider(names.llm, {
				...(values.model ? { model: values.model } : {}),
				...(temperature !== undefined ? { temperature } : {}),
				strict: values.strict,
			}),
			...providers,
			onScript: (message: string) => console.error(`script     ${message}`),
			onStage: (message: string) => console.error(`make: ${message}`),
			onAsset: (event: AssetEvent) => console.error(formatAssetEvent(event)),
			onProgress: (p: RenderProgress) => bar.update(p),
		};
		if (values['dry-run']) {
			console.log(formatPlan(await planMakeVideo(makeOptions)));
			return;
		}
		const made = await makeVideo({
			...makeOptions,
			budget: budgetFor(maxCost, [makeOptions.llm, providers.voice, providers.storyboard]),
			// after the input (the budget): ffmpeg, the browser and its encoder, disk, models, before the LLM, any voice, image or frame
			beforeScript: async () => {
				const ready = await preflightMake({ ...makeOptions, names, llmModelFlag: values.model });
				for (const line of formatPreflight(ready)) console.error(`make: ${line}`);
				return ready;
			},
		});
		bar.done();
		console.log(`script:  ${path.relative(process.cwd(), made.scriptFile)} (edit it, then npm run render -- --props it)`);
		for (const result of made.results) console.log(formatResult(result, performance.now() - started));
	} finally {
		await providers.voice?.close();
	}
});
