import { createRequire } from 'node:module';

type LambdaClientModule = typeof import('@remotion/lambda/client');

/**
 * The offline parts of `@remotion/lambda/client` (price table, region list), loaded from its CommonJS build:
 * under tsx that takes a third of the time of its 2.7 MB ESM build, and the dry run and every config check
 * need nothing else from it.
 */
const lambdaClient = createRequire(import.meta.url)('@remotion/lambda/client') as LambdaClientModule;

export const estimatePrice: LambdaClientModule['estimatePrice'] = lambdaClient.estimatePrice;

/** Throws a TypeError that lists the supported regions. */
export const validateAwsRegion: LambdaClientModule['LambdaClientInternals']['validateAwsRegion'] = lambdaClient.LambdaClientInternals.validateAwsRegion;
