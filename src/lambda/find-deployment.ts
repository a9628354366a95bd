import type { LambdaConfig } from './lambda-config';
import type { LambdaClient } from './lambda-client';

export type RenderTarget = { readonly functionName: string; readonly serveUrl: string; readonly bucketName: string };

/** What `npm run lambda:deploy` made for this config; a missing piece says to deploy first, never deploys by itself. */
export const findDeployment = async (client: LambdaClient, config: LambdaConfig): Promise<RenderTarget> => {
	const [functions, sites] = await Promise.all([client.getFunctions(config.region), client.getSites(config.region)]);
	const fn = functions.find(
		(f) => f.memorySizeInMb === config.memorySizeInMb && f.diskSizeInMb === config.diskSizeInMb && f.timeoutInSeconds === config.timeoutInSeconds,
	);
	const site = sites.find((s) => s.id === config.siteName);
	const missing = [
		...(fn ? [] : [`a function with ${config.memorySizeInMb} MB memory, ${config.diskSizeInMb} MB disk and a ${config.timeoutInSeconds} s timeout`]),
		...(site ? [] : [`the site "${config.siteName}"`]),
	];
	if (!fn || !site)
		throw new Error(`${config.region} is missing ${missing.join(' and ')}; run npm run lambda:deploy first (with the same REELSMITH_LAMBDA_* settings)`);
	return { functionName: fn.functionName, serveUrl: site.serveUrl, bucketName: site.bucketName };
};
