import { deployFunction, deploySiteFromBundle, downloadMedia, getOrCreateBucket } from '@remotion/lambda';
import { getAwsClient, getFunctions, getRenderProgress, getSites, presignUrl, renderMediaOnLambda, renderStillOnLambda } from '@remotion/lambda/client';
import { writeFileAtomic } from '../node/write-file-atomic';
import { remotionLicenseKey } from '../pipeline/render/remotion-license-key';
import { LAMBDA_OUTPUT, type LambdaClient } from './lambda-client';
import { DEFAULT_ACCOUNT_CONCURRENCY } from './lambda-plan';

/** Service Quotas' code for "Concurrent executions" of Lambda (the value Remotion's CLI reads and raises). */
const LAMBDA_CONCURRENCY_QUOTA_CODE = 'L-B99A9384';

/** Render functions fetch assets while they render; a day covers every render and its one retry. */
const ASSET_URL_SECONDS = 24 * 3600;

/** Videos and stills stay private in the bucket; reelsmith downloads them with the same credentials. */
const PRIVACY = 'private' as const;

const isNotFound = (error: unknown) => {
	const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
	return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};

/** The real client over `@remotion/lambda` and its AWS SDK clients; credentials come from the environment. */
export const createRemotionLambdaClient = (): LambdaClient => ({
	async getFunctions(region) {
		return getFunctions({ region, compatibleOnly: true });
	},
	async deployFunction({ region, memorySizeInMb, diskSizeInMb, timeoutInSeconds }) {
		return deployFunction({ region, memorySizeInMb, diskSizeInMb, timeoutInSeconds, createCloudWatchLogGroup: true });
	},
	async getOrCreateBucket(region) {
		return getOrCreateBucket({ region });
	},
	async allowCrossOriginReads({ region, bucketName }) {
		const { client, sdk } = getAwsClient({ region, service: 's3' });
		const rules = await client.send(new sdk.GetBucketCorsCommand({ Bucket: bucketName })).then(
			(r) => r.CORSRules ?? [],
			(error: unknown) => {
				if ((error as { name?: string }).name === 'NoSuchCORSConfiguration') return [];
				throw error;
			},
		);
		const allowed = rules.some((rule) => rule.AllowedOrigins?.includes('*') && rule.AllowedMethods?.includes('GET') && rule.AllowedMethods.includes('HEAD'));
		if (!allowed) {
			const reads = {
				AllowedMethods: ['GET', 'HEAD'],
				AllowedHeaders: ['*'],
				AllowedOrigins: ['*'],
				ExposeHeaders: ['Content-Length', 'Content-Range', 'Accept-Ranges'],
			};
			await client.send(new sdk.PutBucketCorsCommand({ Bucket: bucketName, CORSConfiguration: { CORSRules: [...rules, reads] } }));
		}
		return { alreadyAllowed: allowed };
	},
	async getSites(region) {
		const { sites } = await getSites({ region });
		return sites.map((site) => ({ id: site.id, serveUrl: site.serveUrl, bucketName: site.bucketName }));
	},
	async deploySiteFromBundle({ region, bucketName, siteName, bundleDir }) {
		return deploySiteFromBundle({ region, bucketName, siteName, bundleDir });
	},
	async objectExists({ region, bucketName, key }) {
		const { client, sdk } = getAwsClient({ region, service: 's3' });
		try {
			await client.send(new sdk.HeadObjectCommand({ Bucket: bucketName, Key: key }));
			return true;
		} catch (error) {
			if (isNotFound(error)) return false;
			throw error;
		}
	},
	async putObject({ region, bucketName, key, body, contentType }) {
		const { client, sdk } = getAwsClient({ region, service: 's3' });
		await client.send(new sdk.PutObjectCommand({ Bucket: bucketName, Key: key, Body: body, ContentType: contentType }));
	},
	async objectUrl({ region, bucketName, key }) {
		return presignUrl({ region, bucketName, objectKey: key, expiresInSeconds: ASSET_URL_SECONDS });
	},
	async downloadObject({ region, bucketName, key, outPath }) {
		const { client, sdk } = getAwsClient({ region, service: 's3' });
		const response = await client.send(new sdk.GetObjectCommand({ Bucket: bucketName, Key: key }));
		if (!response.Body) throw new Error(`s3://${bucketName}/${key} has no body`);
		await writeFileAtomic(outPath, await response.Body.transformToByteArray());
	},
	async renderMedia(request) {
		const { renderId, bucketName } = await renderMediaOnLambda({
			...request,
			...LAMBDA_OUTPUT,
			imageFormat: 'jpeg',
			privacy: PRIVACY,
			licenseKey: remotionLicenseKey(),
			logLevel: 'error',
		});
		return { renderId, bucketName };
	},
	async getRenderProgress(input) {
		const p = await getRenderProgress(input);
		return {
			done: p.done,
			overallProgress: p.overallProgress,
			framesRendered: p.framesRendered,
			fatalErrorEncountered: p.fatalErrorEncountered,
			errors: p.errors.map((e) => ({ message: e.explanation ? `${e.message} (${e.explanation})` : e.message, chunk: e.chunk, isFatal: e.isFatal })),
			costUsd: p.costs.accruedSoFar,
			lambdasInvoked: p.lambdasInvoked,
			outputSizeInBytes: p.outputSizeInBytes,
		};
	},
	async renderStill(request) {
		const still = await renderStillOnLambda({
			...request,
			imageFormat: 'jpeg',
			privacy: PRIVACY,
			frame: 0,
			licenseKey: remotionLicenseKey(),
			logLevel: 'error',
		});
		return {
			renderId: still.renderId,
			bucketName: still.bucketName,
			outKey: still.outKey,
			sizeInBytes: still.sizeInBytes,
			costUsd: still.estimatedPrice.accruedSoFar,
		};
	},
	async downloadMedia({ region, bucketName, renderId, outPath }) {
		const { sizeInBytes } = await downloadMedia({ region, bucketName, renderId, outPath });
		return { sizeInBytes };
	},
	// through Service Quotas, as Remotion's own CLI does: its user policy allows that, not lambda:GetAccountSettings
	async accountConcurrency(region) {
		const { client, sdk } = getAwsClient({ region, service: 'servicequotas' });
		const quota = await client.send(new sdk.GetServiceQuotaCommand({ ServiceCode: 'lambda', QuotaCode: LAMBDA_CONCURRENCY_QUOTA_CODE }));
		return quota.Quota?.Value ?? DEFAULT_ACCOUNT_CONCURRENCY;
	},
});
