import { redactSecrets } from '../src/config/redact-secrets';
import { batchFiles, loadScripts } from '../src/lambda/batch-inputs';
import { createBatchProgressPrinter } from '../src/lambda/batch-progress-printer';
import { explainAwsError, requireCredentials } from '../src/lambda/credentials';
import { formatLambdaPlan, planLambdaBatch } from '../src/lambda/dry-run';
import { loadLambdaConfig } from '../src/lambda/lambda-config';
import { DEFAULT_ACCOUNT_CONCURRENCY } from '../src/lambda/lambda-plan';
import { formatBatchResult } from '../src/lambda/format-batch-result';
import { checkLambdaBudget } from '../src/lambda/check-lambda-budget';
import { maxCostFrom } from '../src/pipeline/stages/check-budget';
import { parseNumberFlag } from '../src/pipeline/cli/parse-number';
import { parseOutDir } from '../src/pipeline/cli/parse-out-dir';
import { batchVideos } from '../src/lambda/batch-inputs';
import { formatPreflight } from '../src/pipeline/preflight/preflight';
import { preflightLambda } from '../src/pipeline/preflight/command-preflight';
import { parsePlatforms } from '../src/pipeline/cli/parse-platform';
import { assetProvidersFor, PROVIDER_FLAG_OPTIONS, PROVIDER_USAGE, providerNamesFrom } from '../src/pipeline/cli/provider-flags';
import { formatAssetEvent } from '../src/pipeline/cli/stage-report';
import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { runCli, usageError } from '../src/pipeline/run-cli';
import { PLATFORM_NAMES } from '../src/schema/platforms';

const USAGE =
	`usage: npm run lambda:render -- --props a.json [b.json …] | --batch DIR [--platform ${PLATFORM_NAMES.join('|')}[,…]] [--out DIR] [--music FILE] [--draft] [--dry-run] [--no-wait] ` +
	`[--frames-per-lambda N] [--concurrency N] [--max-cost USD] ${PROVIDER_USAGE}`;

await runCli('lambda:render', async () => {
	const { values, positionals } = parseFlags(
		USAGE,
		{
			props: { type: 'string', multiple: true, default: [] as string[] },
			batch: { type: 'string' },
			platform: { type: 'string' },
			out: { type: 'string', default: 'out' },
			music: { type: 'string' },
			draft: { type: 'boolean', default: false },
			'dry-run': { type: 'boolean', default: false },
			'no-wait': { type: 'boolean', default: false },
			'frames-per-lambda': { type: 'string' },
			concurrency: { type: 'string' },
			'max-cost': { type: 'string' },
			...PROVIDER_FLAG_OPTIONS,
		},
		true,
	);
	// `--props a.json b.json`: the files after the first are positionals
	if (positionals.length > 0 && values.props.length === 0) throw usageError(USAGE, `unexpected ${positionals.join(' ')}: script files go after --props`);
	if (values.props.length > 0 && values.batch) throw usageError(USAGE, 'give either --props files or --batch DIR, not both');
	if (values.props.length === 0 && !values.batch) throw usageError(USAGE, '--props or --batch is required: the script JSON files to render');

	const frames = parseNumberFlag('--frames-per-lambda', values['frames-per-lambda'], 5, 100000, '120');
	const concurrency = parseNumberFlag('--concurrency', values.concurrency, 1, 1000, '10');
	const maxCost = maxCostFrom(values['max-cost']);
	const config = loadLambdaConfig(process.env, {
		...(frames !== undefined ? { framesPerLambda: Math.round(frames) } : {}),
		...(concurrency !== undefined ? { concurrency: Math.round(concurrency) } : {}),
	});
	const platforms = parsePlatforms(values.platform);
	const outDir = parseOutDir(values.out);
	let files: readonly string[] = [...values.props, ...positionals];
	if (values.batch) {
		const found = await batchFiles(values.batch);
		for (const { file, reason } of found.skipped) console.error(`lambda:render: skipped ${file}: ${reason}`);
		files = found.files;
	}
	const scripts = await loadScripts(files);
	if (!values['dry-run']) requireCredentials();
	const providers = assetProvidersFor(providerNamesFrom(values));
	try {
		const planned = {
			scripts,
			...(platforms ? { platforms } : {}),
			outDir,
			draft: values.draft,
			config,
			accountConcurrency: DEFAULT_ACCOUNT_CONCURRENCY,
			...providers,
		};
		if (values['dry-run']) {
			console.log(formatLambdaPlan(await planLambdaBatch(planned), true));
			return;
		}
		await checkLambdaBudget(maxCost, planned, (line) => console.error(`lambda:render: ${line}`));
		// the downloaded renders are normalised and packaged with ffmpeg (without it a paid render would be lost), on this disk
		const ready = await preflightLambda({ videos: batchVideos(scripts, platforms), outDir, draft: values.draft, names: providerNamesFrom(values) });
		for (const line of formatPreflight(ready)) console.error(`lambda:render: ${line}`);
		// loaded only for a real run: the dry run needs neither the AWS SDK nor credentials
		const { createRemotionLambdaClient } = await import('../src/lambda/remotion-lambda-client');
		const { runLambdaBatch } = await import('../src/lambda/run-lambda-batch');
		const bar = createBatchProgressPrinter('lambda');
		let result;
		try {
			result = await runLambdaBatch({
				client: createRemotionLambdaClient(),
				config,
				scripts,
				...(platforms ? { platforms } : {}),
				outDir,
				draft: values.draft,
				wait: !values['no-wait'],
				...(values.music ? { musicFile: values.music } : {}),
				...providers,
				onStage: (message) => console.error(`lambda:render: ${message}`),
				onAsset: (event) => console.error(formatAssetEvent(event)),
				onProgress: (jobs) => bar.update(jobs),
			});
		} catch (error) {
			throw explainAwsError(error);
		} finally {
			bar.done();
		}
		// a failed render's error can quote a pre-signed asset URL
		console.log(redactSecrets(formatBatchResult(result)));
		if (result.failed > 0)
			throw new Error(
				`${result.failed} of ${result.videos.length} videos failed; the others are done (run the same command again to retry only the failed ones)`,
			);
	} finally {
		await providers.voice?.close();
	}
});
