import type { LambdaConfig } from './lambda-config';

/** Remotion refuses renders that would spawn more renderer functions than this. */
export const MAX_FUNCTIONS_PER_RENDER = 200;
/** Remotion's smallest chunk. */
const MIN_FRAMES_PER_LAMBDA = 5;
/** AWS's default quota of concurrent executions per region; new accounts often get 10 until they ask. */
export const DEFAULT_ACCOUNT_CONCURRENCY = 1000;

export type ChunkPlan = {
	/** Frames per renderer function for this video: the configured value, raised where needed. */
	readonly framesPerLambda: number;
	readonly renderers: number;
	/** Renderers plus the main function that orchestrates them and stitches the chunks. */
	readonly lambdas: number;
	/** Why framesPerLambda is above the configured value, if it is. */
	readonly raisedBecause: string | null;
};

/**
 * How one video splits into chunks. One render alone must fit the concurrency left for renders (its renderers
 * and the main function at once) and Remotion's 200-function cap, so a short quota means bigger chunks.
 */
export const planChunks = (frames: number, framesPerLambda: number, accountConcurrency: number): ChunkPlan => {
	const forCap = Math.ceil(frames / MAX_FUNCTIONS_PER_RENDER);
	const forAccount = Math.ceil(frames / Math.max(1, accountConcurrency - 1));
	const chosen = Math.min(frames, Math.max(framesPerLambda, forCap, forAccount, Math.min(MIN_FRAMES_PER_LAMBDA, frames)));
	const renderers = Math.ceil(frames / chosen);
	const raisedBecause =
		chosen <= Math.min(framesPerLambda, frames)
			? null
			: forAccount >= forCap
				? `the account leaves ${accountConcurrency} concurrent Lambdas for renders`
				: `Remotion splits a render into at most ${MAX_FUNCTIONS_PER_RENDER} functions`;
	return { framesPerLambda: chosen, renderers, lambdas: renderers + 1, raisedBecause };
};

/**
 * Videos rendering at once: the configured bound, and no more than the account's concurrency holds when each
 * render takes `lambdasPerRender` functions; always at least one.
 */
export const renderConcurrency = (config: Pick<LambdaConfig, 'concurrency'>, accountConcurrency: number, lambdasPerRender: number): number =>
	Math.max(1, Math.min(config.concurrency, Math.floor(accountConcurrency / Math.max(1, lambdasPerRender))));

/** Cover stills run one function each while other videos render; these are kept free for them. */
export const STILLS_AT_ONCE = 2;

/** The part of the account's concurrency that video renders may fill. */
export const renderCapacity = (accountConcurrency: number): number => Math.max(1, accountConcurrency - STILLS_AT_ONCE);
