import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployLambda, formatDeployStep } from '../src/lambda/deploy';
import { findDeployment } from '../src/lambda/find-deployment';
import { LAMBDA_DEFAULTS } from '../src/lambda/lambda-config';
import { FakeLambdaClient } from './helpers/fake-lambda-client';
import { makeTempDir } from './helpers/temp-dir';

const fakeBundle = async () => {
	const dir = await makeTempDir('reelsmith-bundle-');
	await mkdir(path.join(dir, 'public'));
	await writeFile(path.join(dir, 'index.html'), '<html></html>');
	await writeFile(path.join(dir, 'bundle.js'), 'console.log("site")');
	await writeFile(path.join(dir, 'public', 'LICENSE.md'), 'CC0');
	return dir;
};

describe('npm run lambda:deploy', () => {
	it('creates the function, the bucket and the site the first time, and nothing the second time', async () => {
		const client = new FakeLambdaClient();
		const bundles: string[] = [];
		const bundle = async () => {
			const dir = await fakeBundle();
			bundles.push(dir);
			return dir;
		};

		const first = await deployLambda({ client, config: LAMBDA_DEFAULTS, bundle });
		expect(first.steps.map((s) => [s.what, s.existed])).toEqual([
			['function', false],
			['bucket', false],
			['cors', false],
			['site', false],
		]);
		expect(first.steps[3]!.detail).toMatch(/^3 files uploaded, 0 deleted, 0 unchanged/);
		expect(client.callsTo('deployFunction')).toEqual([{ region: 'us-east-1', memorySizeInMb: 2048, diskSizeInMb: 2048, timeoutInSeconds: 240 }]);
		expect(client.callsTo('deploySiteFromBundle')).toEqual([
			{ region: 'us-east-1', bucketName: first.bucketName, siteName: 'reelsmith', bundleDir: bundles[0] },
		]);

		const second = await deployLambda({ client, config: LAMBDA_DEFAULTS, bundle });
		expect(second.steps.every((s) => s.existed)).toBe(true);
		expect(second.steps[3]!.detail).toMatch(/^0 files uploaded, 0 deleted, 3 unchanged/);
		expect(second.steps.map(formatDeployStep).join('\n')).not.toContain('created');
		expect(client.functions).toHaveLength(1);
		expect(client.buckets).toHaveLength(1);
		expect(client.callsTo('allowCrossOriginReads')).toEqual([
			{ region: 'us-east-1', bucketName: first.bucketName },
			{ region: 'us-east-1', bucketName: first.bucketName },
		]);
		expect(client.sites.size).toBe(1);
		expect(second).toMatchObject({ functionName: first.functionName, bucketName: first.bucketName, serveUrl: first.serveUrl });
	});

	it('uses the config, so other settings deploy a second function', async () => {
		const client = new FakeLambdaClient();
		await deployLambda({ client, config: LAMBDA_DEFAULTS, bundle: fakeBundle });
		const bigger = await deployLambda({ client, config: { ...LAMBDA_DEFAULTS, memorySizeInMb: 3009 }, bundle: fakeBundle });
		expect(bigger.steps.map((s) => [s.what, s.existed])).toEqual([
			['function', false],
			['bucket', true],
			['cors', true],
			['site', true],
		]);
		expect(client.functions.map((f) => f.memorySizeInMb)).toEqual([2048, 3009]);
	});

	it('finds what deploy made for rendering, and says to deploy when it is missing', async () => {
		const client = new FakeLambdaClient();
		await expect(findDeployment(client, LAMBDA_DEFAULTS)).rejects.toThrow(
			/us-east-1 is missing a function with 2048 MB memory.* and the site "reelsmith"; run npm run lambda:deploy first/,
		);
		const deployed = await deployLambda({ client, config: LAMBDA_DEFAULTS, bundle: fakeBundle });
		expect(await findDeployment(client, LAMBDA_DEFAULTS)).toEqual({
			functionName: deployed.functionName,
			serveUrl: deployed.serveUrl,
			bucketName: deployed.bucketName,
		});
		await expect(findDeployment(client, { ...LAMBDA_DEFAULTS, timeoutInSeconds: 600 })).rejects.toThrow(/600 s timeout; run npm run lambda:deploy first/);
	});
});
