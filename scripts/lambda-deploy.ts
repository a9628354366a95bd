import { bundleSite } from '../src/pipeline/render/bundle-site';
import { explainAwsError, requireCredentials } from '../src/lambda/credentials';
import { deployLambda, formatDeployStep } from '../src/lambda/deploy';
import { loadLambdaConfig } from '../src/lambda/lambda-config';
import { createRemotionLambdaClient } from '../src/lambda/remotion-lambda-client';
import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { runCli } from '../src/pipeline/run-cli';

const USAGE = 'usage: npm run lambda:deploy   (settings: REELSMITH_LAMBDA_REGION, _MEMORY, _DISK, _TIMEOUT; see docs/lambda.md)';

await runCli('lambda:deploy', async () => {
	parseFlags(USAGE, {});
	const config = loadLambdaConfig();
	requireCredentials();
	console.error(
		`lambda:deploy: ${config.region}, function ${config.memorySizeInMb} MB memory, ${config.diskSizeInMb} MB disk, ${config.timeoutInSeconds} s timeout; site "${config.siteName}"`,
	);
	try {
		const deployment = await deployLambda({
			client: createRemotionLambdaClient(),
			config,
			bundle: () => {
				console.error('lambda:deploy: bundling the site');
				// the site carries the compositions and public/ only; assets reach Lambda as URLs (upload-assets.ts)
				return bundleSite(undefined, { copyPublicDir: true });
			},
			onStep: (step) => console.log(formatDeployStep(step)),
		});
		const created = deployment.steps.filter((s) => !s.existed).map((s) => s.what);
		console.log(created.length > 0 ? `created: ${created.join(', ')}` : 'everything already existed; nothing was created');
		console.log('next: npm run lambda:render -- --batch examples/ --dry-run');
	} catch (error) {
		throw explainAwsError(error);
	}
});
