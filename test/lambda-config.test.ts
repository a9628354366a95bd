import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainAwsError, requireCredentials } from '../src/lambda/credentials';
import { estimateVideo } from '../src/lambda/estimate';
import { LAMBDA_DEFAULTS, loadLambdaConfig } from '../src/lambda/lambda-config';
import { planChunks, renderConcurrency } from '../src/lambda/lambda-plan';
import { InputError } from '../src/schema/input-error';
import { makeTempDir } from './helpers/temp-dir';

const problemsOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return (error as InputError).problems;
	}
	throw new Error('expected an InputError');
};

describe('lambda config', () => {
	it('has the documented defaults', () => {
		expect(loadLambdaConfig({})).toEqual({
			region: 'us-east-1',
			memorySizeInMb: 2048,
			diskSizeInMb: 2048,
			timeoutInSeconds: 240,
			framesPerLambda: 120,
			concurrency: 10,
			siteName: 'reelsmith',
		});
	});

	it('takes every setting from the environment', () => {
		const config = loadLambdaConfig({
			REELSMITH_LAMBDA_REGION: 'eu-central-1',
			REELSMITH_LAMBDA_MEMORY: '3009',
			REELSMITH_LAMBDA_DISK: '4096',
			REELSMITH_LAMBDA_TIMEOUT: '600',
			REELSMITH_LAMBDA_FRAMES_PER_LAMBDA: '60',
			REELSMITH_LAMBDA_CONCURRENCY: '4',
		});
		expect(config).toEqual({
			...LAMBDA_DEFAULTS,
			region: 'eu-central-1',
			memorySizeInMb: 3009,
			diskSizeInMb: 4096,
			timeoutInSeconds: 600,
			framesPerLambda: 60,
			concurrency: 4,
		});
	});

	it('lets flags win over the environment', () => {
		expect(loadLambdaConfig({ REELSMITH_LAMBDA_CONCURRENCY: '4' }, { concurrency: 2, framesPerLambda: 30 })).toMatchObject({
			concurrency: 2,
			framesPerLambda: 30,
		});
	});

	it('reports every bad variable by name, with how to fix it', () => {
		const problems = problemsOf(() =>
			loadLambdaConfig({
				REELSMITH_LAMBDA_REGION: 'mars-1',
				REELSMITH_LAMBDA_MEMORY: 'lots',
				REELSMITH_LAMBDA_TIMEOUT: '901',
				REELSMITH_LAMBDA_CONCURRENCY: '0',
				REELSMITH_LAMBDA_DISK: '2048.5',
			}),
		);
		expect(problems.map((p) => p.path)).toEqual([
			'REELSMITH_LAMBDA_REGION',
			'REELSMITH_LAMBDA_MEMORY',
			'REELSMITH_LAMBDA_DISK',
			'REELSMITH_LAMBDA_TIMEOUT',
			'REELSMITH_LAMBDA_CONCURRENCY',
		]);
		expect(problems[0]!.message).toMatch(/mars-1 is not a supported AWS region.*us-east-1/);
		expect(problems[1]!.message).toContain('"lots" is not a whole number from 512 to 10240; set e.g. REELSMITH_LAMBDA_MEMORY=2048');
		expect(problems[3]!.message).toContain('from 15 to 900');
	});
});

describe('AWS credentials', () => {
	let home: string;
	beforeAll(async () => {
		home = await makeTempDir('reelsmith-home-');
	});

	it('names the variables to set when there are none', () => {
		const [problem] = problemsOf(() => requireCredentials({ HOME: home }));
		expect(problem!.path).toBe('REMOTION_AWS_ACCESS_KEY_ID');
		expect(problem!.message).toContain(
			'set REMOTION_AWS_ACCESS_KEY_ID and REMOTION_AWS_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)',
		);
	});

	it.each([
		[{ AWS_ACCESS_KEY_ID: 'AKIAFAKE' }, 'AWS_SECRET_ACCESS_KEY'],
		[{ AWS_SECRET_ACCESS_KEY: 'secret' }, 'AWS_ACCESS_KEY_ID'],
		[{ REMOTION_AWS_ACCESS_KEY_ID: 'AKIAFAKE' }, 'REMOTION_AWS_SECRET_ACCESS_KEY'],
	])('names the missing half of a key pair (%o)', (env, missing) => {
		const [problem] = problemsOf(() => requireCredentials({ HOME: home, ...env }));
		expect(problem!.path).toBe(missing);
		expect(problem!.message).toContain(`set ${missing}`);
	});

	it('accepts a key pair, a profile, or a default profile file, preferring REMOTION_ variables', async () => {
		expect(
			requireCredentials({
				HOME: home,
				AWS_ACCESS_KEY_ID: 'a',
				AWS_SECRET_ACCESS_KEY: 'b',
				REMOTION_AWS_ACCESS_KEY_ID: 'c',
				REMOTION_AWS_SECRET_ACCESS_KEY: 'd',
			}),
		).toEqual({
			kind: 'keys',
			idVariable: 'REMOTION_AWS_ACCESS_KEY_ID',
			secretVariable: 'REMOTION_AWS_SECRET_ACCESS_KEY',
		});
		expect(requireCredentials({ HOME: home, AWS_PROFILE: 'studio' })).toEqual({ kind: 'profile', variable: 'AWS_PROFILE', profile: 'studio' });
		const withFile = await makeTempDir('reelsmith-home-');
		await mkdir(path.join(withFile, '.aws'));
		await writeFile(path.join(withFile, '.aws', 'credentials'), '[default]\naws_access_key_id = x\n');
		expect(requireCredentials({ HOME: withFile }).kind).toBe('default-profile');
	});

	it('turns AWS authentication errors into the variable to fix', () => {
		const env = { HOME: home, AWS_ACCESS_KEY_ID: 'AKIAFAKE', AWS_SECRET_ACCESS_KEY: 'wrong-secret' };
		const aws = (name: string) => Object.assign(new Error(`The security token included in the request is invalid. (${name})`), { name });
		const badId = explainAwsError(aws('InvalidClientTokenId'), env) as InputError;
		expect(badId).toBeInstanceOf(InputError);
		expect(badId.problems[0]).toMatchObject({ path: 'AWS_ACCESS_KEY_ID' });
		expect(badId.problems[0]!.message).toContain('set AWS_ACCESS_KEY_ID to the access key ID');
		const badSecret = explainAwsError(aws('SignatureDoesNotMatch'), env) as InputError;
		expect(badSecret.problems[0]).toMatchObject({ path: 'AWS_SECRET_ACCESS_KEY' });
		const unknown = explainAwsError(aws('UnrecognizedClientException'), {
			HOME: home,
			REMOTION_AWS_ACCESS_KEY_ID: 'a',
			REMOTION_AWS_SECRET_ACCESS_KEY: 'b',
		}) as InputError;
		expect(unknown.problems[0]).toMatchObject({ path: 'REMOTION_AWS_ACCESS_KEY_ID' });
		expect((explainAwsError(aws('AccessDeniedException'), env) as InputError).problems[0]!.message).toContain('npx remotion lambda policies validate');
		const other = new Error('socket hang up');
		expect(explainAwsError(other, env)).toBe(other);
	});
});

describe('chunks, concurrency and the estimate', () => {
	it('splits a video into chunks of the configured size, plus the main function', () => {
		expect(planChunks(1800, 120, 998)).toEqual({ framesPerLambda: 120, renderers: 15, lambdas: 16, raisedBecause: null });
		expect(planChunks(40, 120, 998)).toMatchObject({ framesPerLambda: 40, renderers: 1, lambdas: 2 });
	});

	it('raises frames per Lambda so one render fits a small account and the 200-function cap', () => {
		const small = planChunks(1800, 120, 8);
		expect(small).toMatchObject({ framesPerLambda: 258, renderers: 7, lambdas: 8 });
		expect(small.raisedBecause).toContain('8 concurrent Lambdas');
		const long = planChunks(108000, 120, 998);
		expect(long.renderers).toBeLessThanOrEqual(200);
		expect(long.raisedBecause).toContain('at most 200 functions');
	});

	it('bounds renders at once by the configured value and by the account', () => {
		expect(renderConcurrency({ concurrency: 10 }, 998, 16)).toBe(10);
		expect(renderConcurrency({ concurrency: 10 }, 40, 16)).toBe(2);
		expect(renderConcurrency({ concurrency: 10 }, 8, 16)).toBe(1);
	});

	it('prices a minute of 1080x1920 video at the defaults (the figure in docs/lambda.md)', async () => {
		const estimate = estimateVideo({ frames: 1800, width: 1080, height: 1920, scale: 1 }, LAMBDA_DEFAULTS, 998);
		expect(estimate.lambdasInvoked).toBe(17);
		expect(estimate.billedMs).toBe(267700);
		expect(estimate.usd).toBe(0.00715);
		expect(estimate.overTimeout).toBe(false);
		expect(await readFile(path.join(import.meta.dirname, '../docs/lambda.md'), 'utf8')).toContain('`estimatePrice` gives $0.00715');
	});
});
