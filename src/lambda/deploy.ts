import type { LambdaConfig } from './lambda-config';
import type { LambdaClient } from './lambda-client';

export type DeployStep = { readonly what: 'function' | 'bucket' | 'cors' | 'site'; readonly name: string; readonly existed: boolean; readonly detail?: string };

export type Deployment = {
	readonly functionName: string;
	readonly bucketName: string;
	readonly serveUrl: string;
	readonly steps: readonly DeployStep[];
};

export type DeployOptions = {
	readonly client: LambdaClient;
	readonly config: LambdaConfig;
	/** Bundles the site and returns its folder; called once per deploy. */
	readonly bundle: () => Promise<string>;
	readonly onStep?: (step: DeployStep) => void;
};

/**
 * `npm run lambda:deploy`: the function, the bucket and the site, each made only where missing, so running
 * it again creates nothing. The site is re-bundled every time; an unchanged site uploads no files.
 */
export const deployLambda = async ({ client, config, bundle, onStep }: DeployOptions): Promise<Deployment> => {
	const steps: DeployStep[] = [];
	const record = (step: DeployStep) => {
		steps.push(step);
		onStep?.(step);
	};
	const { region } = config;
	const fn = await client.deployFunction({
		region,
		memorySizeInMb: config.memorySizeInMb,
		diskSizeInMb: config.diskSizeInMb,
		timeoutInSeconds: config.timeoutInSeconds,
	});
	record({ what: 'function', name: fn.functionName, existed: fn.alreadyExisted });
	const bucket = await client.getOrCreateBucket(region);
	record({ what: 'bucket', name: bucket.bucketName, existed: bucket.alreadyExisted });
	const cors = await client.allowCrossOriginReads({ region, bucketName: bucket.bucketName });
	record({ what: 'cors', name: bucket.bucketName, existed: cors.alreadyAllowed, detail: 'GET and HEAD from any origin, for audio the renderer fetches' });

	const siteExisted = (await client.getSites(region)).some((site) => site.id === config.siteName && site.bucketName === bucket.bucketName);
	const site = await client.deploySiteFromBundle({ region, bucketName: bucket.bucketName, siteName: config.siteName, bundleDir: await bundle() });
	const { uploadedFiles, deletedFiles, untouchedFiles } = site.stats;
	record({
		what: 'site',
		name: site.siteName,
		existed: siteExisted,
		detail: `${uploadedFiles} files uploaded, ${deletedFiles} deleted, ${untouchedFiles} unchanged; ${site.serveUrl}`,
	});
	return { functionName: fn.functionName, bucketName: bucket.bucketName, serveUrl: site.serveUrl, steps };
};

export const formatDeployStep = (step: DeployStep): string =>
	`${step.what.padEnd(9)}${step.existed ? 'existed ' : 'created '} ${step.name}${step.detail ? ` (${step.detail})` : ''}`;
