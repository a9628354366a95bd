import { estimatePrice } from './remotion-lambda-pure';
import type { LambdaConfig } from './lambda-config';
import { planChunks, type ChunkPlan } from './lambda-plan';

/**
 * Assumptions of the up-front estimate: Lambda bills milliseconds × memory, so the price follows from how long
 * the functions run. Remotion reports the real figure after each render (summary.json `lambda`).
 */
export const TIME_MODEL = {
	/** Each function: start, open Chrome, load the site. */
	bootMs: 4000,
	/** One 1080×1920 frame of our composition at 2048 MB (about 1.2 vCPU). */
	msPerFrame: 100,
	referencePixels: 1080 * 1920,
	referenceMemoryMb: 2048,
	/** Above about 2 vCPU one Chrome tab draws no faster. */
	usefulMemoryMb: 3584,
	/** The main function concatenates the chunks and muxes the audio. */
	stitchMsPerFrame: 2,
} as const;

export type VideoShape = { readonly frames: number; readonly width: number; readonly height: number; readonly scale: number };

export type VideoEstimate = {
	readonly chunks: ChunkPlan;
	/** Every function's run time added up: what Lambda bills. */
	readonly billedMs: number;
	/** About how long the render takes from start to finish. */
	readonly wallMs: number;
	/** Renderers, the main function and the cover still. */
	readonly lambdasInvoked: number;
	readonly usd: number;
	/** The main function would run past the configured timeout. */
	readonly overTimeout: boolean;
};

export const msPerFrame = (shape: Omit<VideoShape, 'frames'>, memorySizeInMb: number): number => {
	const pixels = shape.width * shape.scale * (shape.height * shape.scale);
	const cpu = TIME_MODEL.referenceMemoryMb / Math.min(memorySizeInMb, TIME_MODEL.usefulMemoryMb);
	return TIME_MODEL.msPerFrame * (pixels / TIME_MODEL.referencePixels) * cpu;
};

/** The estimate for one video at the config's settings, priced with Remotion's `estimatePrice` (offline). */
export const estimateVideo = (shape: VideoShape, config: LambdaConfig, accountConcurrency: number): VideoEstimate => {
	const chunks = planChunks(shape.frames, config.framesPerLambda, accountConcurrency);
	const perFrame = msPerFrame(shape, config.memorySizeInMb);
	const renderersMs = chunks.renderers * TIME_MODEL.bootMs + shape.frames * perFrame;
	const longestChunkMs = TIME_MODEL.bootMs + chunks.framesPerLambda * perFrame;
	const mainMs = TIME_MODEL.bootMs + longestChunkMs + shape.frames * TIME_MODEL.stitchMsPerFrame;
	const coverMs = TIME_MODEL.bootMs + perFrame;
	const billedMs = Math.round(renderersMs + mainMs + coverMs);
	const lambdasInvoked = chunks.lambdas + 1;
	const usd = estimatePrice({
		region: config.region,
		memorySizeInMb: config.memorySizeInMb,
		diskSizeInMb: config.diskSizeInMb,
		lambdasInvoked,
		durationInMilliseconds: billedMs,
	});
	return { chunks, billedMs, wallMs: Math.round(mainMs), lambdasInvoked, usd, overTimeout: mainMs > config.timeoutInSeconds * 1000 };
};
