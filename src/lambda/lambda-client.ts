import type { AwsRegion } from '@remotion/lambda/client';
import type { ColorSpace, X264Preset } from '@remotion/renderer';

export type DeployedFunction = {
	readonly functionName: string;
	readonly memorySizeInMb: number;
	readonly diskSizeInMb: number;
	readonly timeoutInSeconds: number;
	readonly version: string | null;
};

export type DeployedSite = { readonly id: string; readonly serveUrl: string; readonly bucketName: string };

export type SiteDeployment = {
	readonly serveUrl: string;
	readonly siteName: string;
	readonly stats: { readonly uploadedFiles: number; readonly deletedFiles: number; readonly untouchedFiles: number };
};

export type ObjectLocation = { readonly region: AwsRegion; readonly bucketName: string; readonly key: string };

export type MediaRenderRequest = {
	readonly region: AwsRegion;
	readonly functionName: string;
	readonly serveUrl: string;
	readonly composition: string;
	readonly inputProps: Record<string, unknown>;
	readonly framesPerLambda: number;
	readonly jpegQuality: number;
	readonly x264Preset: X264Preset;
	readonly crf: number;
	readonly scale: number;
	readonly colorSpace: ColorSpace;
};

/**
 * What Lambda renders: H.264 with 16-bit PCM, so Matroska. reelsmith encodes the AAC itself once the render is
 * downloaded, as on every engine: AAC encoded on Lambda and copied would play its priming, 43 ms, late.
 */
export const LAMBDA_OUTPUT = { codec: 'h264', audioCodec: 'pcm-16', preferLossless: true } as const;
export const LAMBDA_OUTPUT_EXTENSION = 'mkv';

export type StillRenderRequest = {
	readonly region: AwsRegion;
	readonly functionName: string;
	readonly serveUrl: string;
	readonly composition: string;
	readonly inputProps: Record<string, unknown>;
	readonly jpegQuality: number;
};

export type RenderError = { readonly message: string; readonly chunk: number | null; readonly isFatal: boolean };

/** What reelsmith reads of `getRenderProgress`. */
export type LambdaRenderProgress = {
	readonly done: boolean;
	/** 0–1, Remotion's own estimate over rendering, encoding and combining. */
	readonly overallProgress: number;
	readonly framesRendered: number;
	readonly fatalErrorEncountered: boolean;
	readonly errors: readonly RenderError[];
	/** What the render has cost so far, USD. */
	readonly costUsd: number;
	readonly lambdasInvoked: number;
	readonly outputSizeInBytes: number | null;
};

export type StillRender = {
	readonly renderId: string;
	readonly bucketName: string;
	readonly outKey: string;
	readonly sizeInBytes: number;
	readonly costUsd: number;
};

/**
 * The few Remotion Lambda and S3 operations reelsmith uses, behind one interface: the CLIs pass the real one
 * (remotion-lambda-client.ts), tests pass a fake that records its calls.
 */
export interface LambdaClient {
	/** Functions of this Remotion version in the region. */
	getFunctions(region: AwsRegion): Promise<readonly DeployedFunction[]>;
	deployFunction(input: {
		region: AwsRegion;
		memorySizeInMb: number;
		diskSizeInMb: number;
		timeoutInSeconds: number;
	}): Promise<{ functionName: string; alreadyExisted: boolean }>;
	getOrCreateBucket(region: AwsRegion): Promise<{ bucketName: string; alreadyExisted: boolean }>;
	/** Lets pages on other origins GET and HEAD the bucket's objects (@remotion/media fetches audio with CORS). */
	allowCrossOriginReads(input: { region: AwsRegion; bucketName: string }): Promise<{ alreadyAllowed: boolean }>;
	getSites(region: AwsRegion): Promise<readonly DeployedSite[]>;
	deploySiteFromBundle(input: { region: AwsRegion; bucketName: string; siteName: string; bundleDir: string }): Promise<SiteDeployment>;
	objectExists(location: ObjectLocation): Promise<boolean>;
	putObject(location: ObjectLocation & { body: Uint8Array; contentType: string }): Promise<void>;
	/** A URL the render functions can read the object from. */
	objectUrl(location: ObjectLocation): Promise<string>;
	downloadObject(location: ObjectLocation & { outPath: string }): Promise<void>;
	renderMedia(request: MediaRenderRequest): Promise<{ renderId: string; bucketName: string }>;
	getRenderProgress(input: { region: AwsRegion; functionName: string; bucketName: string; renderId: string }): Promise<LambdaRenderProgress>;
	renderStill(request: StillRenderRequest): Promise<StillRender>;
	downloadMedia(input: { region: AwsRegion; bucketName: string; renderId: string; outPath: string }): Promise<{ sizeInBytes: number }>;
	/** Concurrent executions the account may run (unreserved), e.g. 1000, or 10 on a new account. */
	accountConcurrency(region: AwsRegion): Promise<number>;
}
