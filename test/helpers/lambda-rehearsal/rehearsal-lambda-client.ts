import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AwsRegion } from '@remotion/lambda/client';
import type {
	DeployedFunction,
	LambdaClient,
	LambdaRenderProgress,
	MediaRenderRequest,
	ObjectLocation,
	StillRender,
	StillRenderRequest,
} from '../../../src/lambda/lambda-client';
import { renderFrame } from '../../../src/pipeline/render/render-frame';
import type { VideoProps } from '../../../src/schema/video-props';
import type { S3LikeServer } from '../s3-like-server';
import { renderLikeLambda } from './render-like-lambda';
import { deployFunctionInto, renderProgress } from '../lambda-functions';

const BUCKET = 'remotionlambda-rehearsal';

type RenderState = { progress: LambdaRenderProgress; outKey: string | null };

/**
 * A LambdaClient whose "AWS" is this machine: the bucket is a local S3-like server (sites, assets and renders
 * are real objects fetched over HTTP with pre-signed-style URLs), and a render runs Remotion's chunked
 * renderer and combineChunks here (render-like-lambda.ts). Everything reelsmith does around it (upload,
 * polling, download, packaging) runs as it does against AWS.
 */
export class RehearsalLambdaClient implements LambdaClient {
	readonly functions: DeployedFunction[] = [];
	private readonly sites = new Map<string, string>();
	private readonly renders = new Map<string, RenderState>();
	private counter = 0;
	/** Runs when a render starts, before any chunk: a test removes an object here, as a lifecycle rule would. */
	beforeRender: () => Promise<void> = async () => undefined;
	/** Wall time of each render, ms, for the test's messages. */
	readonly renderMs: number[] = [];

	constructor(
		private readonly s3: S3LikeServer,
		private readonly workDir: string,
	) {}

	async getFunctions(_region: AwsRegion) {
		return [...this.functions];
	}

	async deployFunction(input: { region: AwsRegion; memorySizeInMb: number; diskSizeInMb: number; timeoutInSeconds: number }) {
		return deployFunctionInto(this.functions, input);
	}

	async getOrCreateBucket(_region: AwsRegion) {
		return { bucketName: BUCKET, alreadyExisted: this.sites.size > 0 };
	}

	async allowCrossOriginReads(_input: { region: AwsRegion; bucketName: string }) {
		return { alreadyAllowed: true };
	}

	async getSites(_region: AwsRegion) {
		return [...this.sites].map(([id, serveUrl]) => ({ id, serveUrl, bucketName: BUCKET }));
	}

	async deploySiteFromBundle({ bucketName, siteName, bundleDir }: { region: AwsRegion; bucketName: string; siteName: string; bundleDir: string }) {
		const uploadedFiles = (await this.s3.putFolder(bucketName, `sites/${siteName}`, bundleDir)).length;
		// sites are read without a signature, as Remotion makes them public
		const serveUrl = `${this.s3.origin}/${bucketName}/sites/${siteName}/index.html`;
		this.sites.set(siteName, serveUrl);
		return { serveUrl, siteName, stats: { uploadedFiles, deletedFiles: 0, untouchedFiles: 0 } };
	}

	async objectExists({ bucketName, key }: ObjectLocation) {
		const response = await fetch(this.s3.url(bucketName, key), { method: 'HEAD' });
		if (response.status === 404) return false;
		if (!response.ok) throw new Error(`HEAD ${key}: ${response.status}`);
		return true;
	}

	async putObject({ bucketName, key, body, contentType }: ObjectLocation & { body: Uint8Array; contentType: string }) {
		const response = await fetch(this.s3.url(bucketName, key), { method: 'PUT', body: Buffer.from(body), headers: { 'content-type': contentType } });
		if (!response.ok) throw new Error(`PUT ${key}: ${response.status}`);
	}

	async objectUrl({ bucketName, key }: ObjectLocation) {
		return this.s3.url(bucketName, key);
	}

	async downloadObject({ bucketName, key, outPath }: ObjectLocation & { outPath: string }) {
		const response = await fetch(this.s3.url(bucketName, key));
		if (!response.ok) throw new Error(`GET ${key}: ${response.status}`);
		await mkdir(path.dirname(outPath), { recursive: true });
		await writeFile(outPath, new Uint8Array(await response.arrayBuffer()));
	}

	async renderMedia(request: MediaRenderRequest) {
		const renderId = `rehearsal-${++this.counter}`;
		const state: RenderState = {
			progress: renderProgress(),
			outKey: null,
		};
		this.renders.set(renderId, state);
		const started = performance.now();
		const dir = path.join(this.workDir, renderId);
		void (async () => {
			await this.beforeRender();
			const output = await renderLikeLambda(request, dir, ({ chunk, chunks, framesRendered }) => {
				state.progress = { ...state.progress, lambdasInvoked: chunks + 1, framesRendered, overallProgress: Math.min(0.95, (chunk + 0.5) / chunks) };
			});
			const body = await readFile(output);
			const outKey = `renders/${renderId}/${path.basename(output)}`;
			this.s3.put(BUCKET, outKey, body, 'video/x-matroska');
			state.outKey = outKey;
			state.progress = { ...state.progress, done: true, overallProgress: 1, outputSizeInBytes: body.byteLength };
		})()
			.catch((error: unknown) => {
				// as Lambda reports a chunk that failed: a fatal error with the renderer's message
				state.progress = { ...state.progress, fatalErrorEncountered: true, errors: [{ message: (error as Error).message, chunk: 0, isFatal: true }] };
			})
			.finally(async () => {
				this.renderMs.push(performance.now() - started);
				await rm(dir, { recursive: true, force: true });
			});
		return { renderId, bucketName: BUCKET };
	}

	async getRenderProgress({ renderId }: { region: AwsRegion; functionName: string; bucketName: string; renderId: string }) {
		const state = this.renders.get(renderId);
		if (!state) throw new Error(`no render ${renderId}`);
		return state.progress;
	}

	async renderStill(request: StillRenderRequest): Promise<StillRender> {
		const renderId = `still-${++this.counter}`;
		const file = path.join(this.workDir, `${renderId}.jpg`);
		await renderFrame(request.serveUrl, request.inputProps as VideoProps, 0, file, { compositionId: request.composition, format: 'jpeg' });
		const body = await readFile(file);
		await rm(file, { force: true });
		const outKey = `renders/${renderId}/out.jpg`;
		this.s3.put(BUCKET, outKey, body, 'image/jpeg');
		return { renderId, bucketName: BUCKET, outKey, sizeInBytes: body.byteLength, costUsd: 0 };
	}

	async downloadMedia({ renderId, outPath }: { region: AwsRegion; bucketName: string; renderId: string; outPath: string }) {
		const outKey = this.renders.get(renderId)?.outKey;
		if (!outKey) throw new Error(`render ${renderId} has no output`);
		await this.downloadObject({ region: 'us-east-1', bucketName: BUCKET, key: outKey, outPath });
		return { sizeInBytes: (await readFile(outPath)).byteLength };
	}

	async accountConcurrency(_region: AwsRegion) {
		return 1000;
	}
}
