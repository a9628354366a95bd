import type { AwsRegion } from '@remotion/lambda/client';
import type { Problem } from '../schema/problems';
import { InputError } from '../schema/input-error';
import { quote } from '../schema/quote';
import { validateAwsRegion } from './remotion-lambda-pure';

/** Everything that decides where and how videos render on Lambda. Change defaults here; override per run with the variables below. */
export type LambdaConfig = {
	readonly region: AwsRegion;
	readonly memorySizeInMb: number;
	readonly diskSizeInMb: number;
	readonly timeoutInSeconds: number;
	/** Frames each renderer function draws; raised per video where the account or Remotion's 200-function cap needs fewer functions. */
	readonly framesPerLambda: number;
	/** Videos rendering at the same time, at most; the account's Lambda limit may allow fewer. */
	readonly concurrency: number;
	readonly siteName: string;
};

export const LAMBDA_DEFAULTS: LambdaConfig = {
	region: 'us-east-1',
	memorySizeInMb: 2048,
	diskSizeInMb: 2048,
	timeoutInSeconds: 240,
	framesPerLambda: 120,
	concurrency: 10,
	siteName: 'reelsmith',
};

type NumericField = Exclude<keyof LambdaConfig, 'region' | 'siteName'>;

/** The environment variable of each setting, its range (Lambda's own limits) and an example value. */
export const LAMBDA_ENV: Readonly<Record<NumericField, { variable: string; min: number; max: number; example: number }>> = {
	memorySizeInMb: { variable: 'REELSMITH_LAMBDA_MEMORY', min: 512, max: 10240, example: 2048 },
	diskSizeInMb: { variable: 'REELSMITH_LAMBDA_DISK', min: 512, max: 10240, example: 2048 },
	timeoutInSeconds: { variable: 'REELSMITH_LAMBDA_TIMEOUT', min: 15, max: 900, example: 240 },
	framesPerLambda: { variable: 'REELSMITH_LAMBDA_FRAMES_PER_LAMBDA', min: 5, max: 100000, example: 120 },
	concurrency: { variable: 'REELSMITH_LAMBDA_CONCURRENCY', min: 1, max: 1000, example: 10 },
};

export const REGION_VARIABLE = 'REELSMITH_LAMBDA_REGION';

const readInteger = (field: NumericField, env: NodeJS.ProcessEnv, problems: Problem[]): number => {
	const { variable, min, max, example } = LAMBDA_ENV[field];
	const raw = env[variable]?.trim();
	if (raw === undefined || raw === '') return LAMBDA_DEFAULTS[field];
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) {
		problems.push({
			path: variable,
			message: `${quote(raw)} is not a whole number from ${min} to ${max}; set e.g. ${variable}=${example}, or unset it for the default ${LAMBDA_DEFAULTS[field]}`,
		});
		return LAMBDA_DEFAULTS[field];
	}
	return value;
};

const readRegion = (env: NodeJS.ProcessEnv, problems: Problem[]): AwsRegion => {
	const raw = env[REGION_VARIABLE]?.trim();
	if (!raw) return LAMBDA_DEFAULTS.region;
	try {
		validateAwsRegion(raw);
		return raw as AwsRegion;
	} catch (error) {
		problems.push({ path: REGION_VARIABLE, message: `${(error as Error).message}; set e.g. ${REGION_VARIABLE}=us-east-1` });
		return LAMBDA_DEFAULTS.region;
	}
};

/** The defaults with the environment's overrides; every bad variable is reported at once, by name. */
export const loadLambdaConfig = (
	env: NodeJS.ProcessEnv = process.env,
	overrides: Partial<Pick<LambdaConfig, 'framesPerLambda' | 'concurrency'>> = {},
): LambdaConfig => {
	const problems: Problem[] = [];
	const config: LambdaConfig = {
		region: readRegion(env, problems),
		memorySizeInMb: readInteger('memorySizeInMb', env, problems),
		diskSizeInMb: readInteger('diskSizeInMb', env, problems),
		timeoutInSeconds: readInteger('timeoutInSeconds', env, problems),
		framesPerLambda: readInteger('framesPerLambda', env, problems),
		concurrency: readInteger('concurrency', env, problems),
		siteName: LAMBDA_DEFAULTS.siteName,
		...overrides,
	};
	if (problems.length > 0) throw new InputError('environment', problems);
	return config;
};
