import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AwsRegion } from '@remotion/lambda/client';
import type {
	DeployedFunction,
	DeployedSite,
	LambdaClient,
	LambdaRenderProgress,
	MediaRenderRequest,
	ObjectLocation,
	SiteDeployment,
	StillRender,
	StillRenderRequest,
} from '../../src/lambda/lambda-client';
import type { VideoProps } from '../../src/schema/video-props';
import { totalDurationInFrames } from '../../src/timeline/scene-timeline';
import { deployFunctionInto, renderProgress } from './lambda-functions';

export type FakeCall = { readonly method: keyof LambdaClient; readonly args: unknown };

/** How one renderMediaOnLambda call behaves: the progress reports it gives in turn (the last one repeats), or an error at start. */
export type FakeRender = { readonly steps?: readonly Partial<LambdaRenderProgress>[]; readonly startError?: Error };

/** Picks a render's behaviour from its request and which attempt it is for that video (1, 2, …), by title and platform. */
export type RenderScenario = (request: MediaRenderRequest, attempt: number) => FakeRender;

const BUCKET = 'remotionlambda-useast1-fake';

/** Video props carry scenes; the scheduler tests send `{ frames }` alone. */
const framesOf = (props: Record<string, unknown>): number =>
	Array.isArray(props.scenes) ? totalDurationInFrames(props.scenes as VideoProps['scenes']) : Number(props.frames ?? 0);

/** Half-way, then done at a small cost. */
export const SUCCESS: FakeRender = {
	steps: [
		{ overallProgress: 0.5, framesRendered: 10, costUsd: 0.001 },
		{ done: true, overallProgress: 1, framesRendered: 20, costUsd: 0.002, lambdasInvoked: 3 },
	],
};

export const fatal = (message: string, chunk: number | null = 3): FakeRender => ({
	steps: [
		{ overallProgress: 0.2, costUsd: 0.0005 },
		{ fatalErrorEncountered: true, overallProgress: 0.3, costUsd: 0.0007, errors: [{ message, chunk, isFatal: true }] },
	],
});

const filesUnder = async (dir: string): Promise<Map<string, string>> => {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	const files = new Map<string, string>();
	for (const entry of entries.filter((e) => e.isFile())) {
		const file = path.join(entry.parentPath, entry.name);
		files.set(
			path.relative(dir, file),
			createHash('sha256')
				.update(await readFile(file))
				.digest('hex'),
		);
	}
	return files;
};

/**
 * A Remotion Lambda account in memory: records every call, deploys idempotently, stores objects, and plays
 * renders from a configurable scenario while counting how many run at once.
 */
export class FakeLambdaClient implements LambdaClient {
	readonly calls: FakeCall[] = [];
	readonly functions: DeployedFunction[] = [];
	readonly buckets: string[] = [];
	readonly sites = new Map<string, Map<string, string>>();
	readonly objects = new Map<string, Uint8Array>();
	accountLimit = 1000;
	scenario: RenderScenario = () => SUCCESS;
	/** The MP4 that downloadMedia "downloads". */
	mediaFile: string | null = null;
	objectUrlFor: (location: ObjectLocation) => string = ({ bucketName, region, key }) => `https://${bucketName}.s3.${region}.amazonaws.com/${key}`;

	inFlight = 0;
	maxInFlight = 0;
	inFlightLambdas = 0;
	maxInFlightLambdas = 0;

	private renders = new Map<string, { steps: readonly Partial<LambdaRenderProgress>[]; next: number; lambdas: number; finished: boolean }>();
	private attempts = new Map<string, number>();
	private counter = 0;

	private record(method: keyof LambdaClient, args: unknown) {
		this.calls.push({ method, args });
	}

	callsTo(method: keyof LambdaClient): unknown[] {
		return this.calls.filter((c) => c.method === method).map((c) => c.args);
	}

	async getFunctions(region: AwsRegion) {
		this.record('getFunctions', { region });
		return [...this.functions];
	}

	async deployFunction(input: { region: AwsRegion; memorySizeInMb: number; diskSizeInMb: number; timeoutInSeconds: number }) {
		this.record('deployFunction', input);
		return deployFunctionInto(this.functions, input);
	}

	async getOrCreateBucket(region: AwsRegion) {
		this.record('getOrCreateBucket', { region });
		const alreadyExisted = this.buckets.length > 0;
		if (!alreadyExisted) this.buckets.push(BUCKET);
		return { bucketName: this.buckets[0]!, alreadyExisted };
	}

	readonly corsAllowed = new Set<string>();

	async allowCrossOriginReads(input: { region: AwsRegion; bucketName: string }) {
		this.record('allowCrossOriginReads', input);
		const alreadyAllowed = this.corsAllowed.has(input.bucketName);
		this.corsAllowed.add(input.bucketName);
		return { alreadyAllowed };
	}

	async getSites(region: AwsRegion): Promise<DeployedSite[]> {
		this.record('getSites', { region });
		return [...this.sites.keys()].map((id) => ({ id, bucketName: BUCKET, serveUrl: `https://${BUCKET}.s3.${region}.amazonaws.com/sites/${id}/index.html` }));
	}

	async deploySiteFromBundle(input: { region: AwsRegion; bucketName: string; siteName: string; bundleDir: string }): Promise<SiteDeployment> {
		this.record('deploySiteFromBundle', input);
		const files = await filesUnder(input.bundleDir);
		const before = this.sites.get(input.siteName) ?? new Map<string, string>();
		const uploadedFiles = [...files].filter(([name, hash]) => before.get(name) !== hash).length;
		const deletedFiles = [...before.keys()].filter((name) => !files.has(name)).length;
		this.sites.set(input.siteName, files);
		return {
			serveUrl: `https://${input.bucketName}.s3.${input.region}.amazonaws.com/sites/${input.siteName}/index.html`,
			siteName: input.siteName,
			stats: { uploadedFiles, deletedFiles, untouchedFiles: files.size - uploadedFiles },
		};
	}

	async objectExists(location: ObjectLocation) {
		this.record('objectExists', location);
		return this.objects.has(location.key);
	}

	async putObject(location: ObjectLocation & { body: Uint8Array; contentType: string }) {
		this.record('putObject', {
			region: location.region,
			bucketName: location.bucketName,
			key: location.key,
			contentType: location.contentType,
			bytes: location.body.byteLength,
		});
		this.objects.set(location.key, location.body);
	}

	async objectUrl(location: ObjectLocation) {
		this.record('objectUrl', location);
		return this.objectUrlFor(location);
	}

	async downloadObject(location: ObjectLocation & { outPath: string }) {
		this.record('downloadObject', location);
		const body = this.objects.get(location.key);
		if (!body) throw new Error(`NoSuchKey: ${location.key}`);
		await mkdir(path.dirname(location.outPath), { recursive: true });
		await writeFile(location.outPath, body);
	}

	async renderMedia(request: MediaRenderRequest) {
		this.record('renderMedia', request);
		const video = `${String(request.inputProps.title)}/${String(request.inputProps.platform)}`;
		const attempt = (this.attempts.get(video) ?? 0) + 1;
		this.attempts.set(video, attempt);
		const behaviour = this.scenario(request, attempt);
		if (behaviour.startError) throw behaviour.startError;
		const renderId = `render-${++this.counter}`;
		const frames = framesOf(request.inputProps);
		const lambdas = frames > 0 ? Math.ceil(frames / request.framesPerLambda) + 1 : 1;
		this.renders.set(renderId, { steps: behaviour.steps ?? SUCCESS.steps!, next: 0, lambdas, finished: false });
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		this.inFlightLambdas += lambdas;
		this.maxInFlightLambdas = Math.max(this.maxInFlightLambdas, this.inFlightLambdas);
		return { renderId, bucketName: BUCKET };
	}

	async getRenderProgress(input: { region: AwsRegion; functionName: string; bucketName: string; renderId: string }) {
		this.record('getRenderProgress', input);
		const render = this.renders.get(input.renderId);
		if (!render) throw new Error(`no render ${input.renderId}`);
		const step = renderProgress(render.steps[Math.min(render.next++, render.steps.length - 1)]!);
		if ((step.done || step.fatalErrorEncountered) && !render.finished) {
			render.finished = true;
			this.inFlight--;
			this.inFlightLambdas -= render.lambdas;
		}
		return step;
	}

	async renderStill(request: StillRenderRequest): Promise<StillRender> {
		this.record('renderStill', request);
		const renderId = `still-${++this.counter}`;
		const outKey = `renders/${renderId}/out.jpg`;
		const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 0xff, 0xd9]);
		this.objects.set(outKey, jpeg);
		return { renderId, bucketName: BUCKET, outKey, sizeInBytes: jpeg.byteLength, costUsd: 0.0001 };
	}

	async downloadMedia(input: { region: AwsRegion; bucketName: string; renderId: string; outPath: string }) {
		this.record('downloadMedia', input);
		if (!this.mediaFile) throw new Error('FakeLambdaClient.mediaFile is not set');
		await mkdir(path.dirname(input.outPath), { recursive: true });
		await copyFile(this.mediaFile, input.outPath);
		return { sizeInBytes: (await readFile(input.outPath)).byteLength };
	}

	async accountConcurrency(region: AwsRegion) {
		this.record('accountConcurrency', { region });
		return this.accountLimit;
	}
}
