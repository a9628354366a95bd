import path from 'node:path';
import type { AssetEvent } from '../pipeline/assets/asset-events';
import { recordSections } from '../output/summary';
import { renderKey } from '../pipeline/render/render-key';
import { COMPOSITION_IDS } from '../compositions/composition-ids';
import { renderSettings } from '../pipeline/render/render-settings';
import { VIDEO_COLOR_SPACE } from '../pipeline/render/video-color-space';
import { costReport } from '../pipeline/stages/cost-report';
import { prepareVideo } from '../pipeline/stages/prepare-video';
import { sceneReport } from '../pipeline/stages/scene-report';
import type { StoryboardProvider } from '../providers/storyboard/storyboard-provider';
import type { VoiceProvider } from '../providers/voice/voice-provider';
import type { PlatformName } from '../schema/platforms';
import { totalDurationInFrames } from '../timeline/scene-timeline';
import type { JobProgress } from './batch-progress';
import { batchVideos, type LoadedScript } from './batch-inputs';
import { findDeployment, type RenderTarget } from './find-deployment';
import type { LambdaConfig } from './lambda-config';
import type { LambdaClient } from './lambda-client';
import { packageLambdaVideo, type LambdaVideo } from './lambda-package';
import { planChunks, renderCapacity, renderConcurrency, STILLS_AT_ONCE } from './lambda-plan';
import { renderBatch, type BatchJob, type JobOutcome, type RenderedVideo } from './render-batch';
import { keptLambdaRender } from './kept-download';
import { readAccountConcurrency } from './account-concurrency';
import { finishedStaging, settleInterruptedSwap, swapInPackage } from '../output/package-staging';
import { UPLOAD_RECORD_FILE } from '../publish/youtube/upload-video';
import { outputPaths } from '../output/output-paths';
import { slugify } from '../output/slug';
import { lockVideoFolder } from '../pipeline/stages/video-folder-lock';
import { uploadAssets, type UploadLedger } from './upload-assets';
import { packageIsCurrent } from '../output/package-current';

export type LambdaBatchOptions = {
	readonly client: LambdaClient;
	readonly config: LambdaConfig;
	readonly scripts: readonly LoadedScript[];
	readonly platforms?: readonly PlatformName[];
	readonly outDir: string;
	readonly draft?: boolean;
	readonly voice: VoiceProvider | null;
	readonly storyboard: StoryboardProvider | null;
	readonly musicFile?: string;
	readonly pollIntervalMs?: number;
	readonly sleep?: (ms: number) => Promise<void>;
	readonly onStage?: (message: string) => void;
	readonly onAsset?: (event: AssetEvent) => void;
	readonly onProgress?: (jobs: readonly JobProgress[]) => void;
	/** false (`--no-wait`): refuse when another run is making one of the videos, instead of waiting for it. */
	readonly wait?: boolean;
};

export type BatchVideoResult =
	| { readonly status: 'rendered'; readonly video: string; readonly renderId: string; readonly costUsd: number; readonly attempts: number }
	| { readonly status: 'kept'; readonly video: string }
	| { readonly status: 'failed'; readonly video: string; readonly renderId: string | null; readonly error: string; readonly costUsd: number };

export type LambdaBatchResult = {
	readonly target: RenderTarget;
	readonly accountConcurrency: number;
	readonly concurrentRenders: number;
	readonly videos: readonly BatchVideoResult[];
	readonly costUsd: number;
	readonly failed: number;
};

/** Runs work with the same key one after another, in the order it arrives. */
const keyedQueue = () => {
	const tails = new Map<string, Promise<unknown>>();
	return <T>(key: string, work: () => Promise<T>): Promise<T> => {
		const run = (tails.get(key) ?? Promise.resolve()).then(work, work);
		tails.set(
			key,
			run.catch(() => undefined),
		);
		return run;
	};
};

/**
 * `npm run lambda:render`: every script × platform through the local asset cache, assets to S3, renders on
 * Lambda with bounded concurrency and one retry, each finished video downloaded into its package with
 * summary.json. A video whose props, settings and code have not changed since its last render is kept.
 */
export const runLambdaBatch = async (options: LambdaBatchOptions): Promise<LambdaBatchResult> => {
	// every video of the batch is locked for the whole batch, in one order, so two batches never hold each other up halfway
	const folders = [
		...new Set(
			batchVideos(options.scripts, options.platforms).map(({ script, platform }) => outputPaths(options.outDir, slugify(script.title), platform).videoDir),
		),
	].sort();
	const releases: (() => Promise<void>)[] = [];
	try {
		for (const folder of folders) releases.push(await lockVideoFolder(folder, options));
		return await runLockedBatch(options);
	} finally {
		for (const release of releases.reverse()) await release();
	}
};

const runLockedBatch = async (options: LambdaBatchOptions): Promise<LambdaBatchResult> => {
	const { client, config } = options;
	const { region } = config;
	const draft = options.draft ?? false;
	const settings = renderSettings(draft);
	const targets = batchVideos(options.scripts, options.platforms);
	const target = await findDeployment(client, config);
	const accountConcurrency = await readAccountConcurrency(client, region, options.onStage);
	const capacity = renderCapacity(accountConcurrency);
	const ledger: UploadLedger = new Map();
	/** Render attempts and the cover still, per video. */
	const actualCost = new Map<string, number>();
	const oneAtATime = keyedQueue();

	const kept: BatchVideoResult[] = [];
	const videos = new Map<string, LambdaVideo>();
	/** Renders paid for by an earlier run and kept on disk: packaged without rendering again. */
	const reused: { id: string; rendered: RenderedVideo }[] = [];
	const jobs: BatchJob[] = [];
	for (const { file, script, platform } of targets) {
		const prepared = await prepareVideo({
			script,
			scriptFile: file,
			outDir: options.outDir,
			platform,
			voice: options.voice,
			storyboard: options.storyboard,
			...(options.musicFile ? { musicFile: options.musicFile } : {}),
			...(options.onStage ? { onStage: options.onStage } : {}),
			...(options.onAsset ? { onAsset: options.onAsset } : {}),
		});
		const { paths, props } = prepared;
		const key = await renderKey(props, settings);
		if (await packageIsCurrent(paths, platform, key)) {
			options.onStage?.(`render ${paths.platformDir}: unchanged since the last run, kept`);
			await recordSections(paths.summary, {
				stages: { voice: prepared.stages.voice, storyboard: prepared.stages.storyboard, render: { generated: 0, cached: 1, ms: 0 } },
				scenes: sceneReport(script, props, prepared.sources),
				cost: costReport(script, props, prepared.sources, undefined, prepared.characters),
			});
			kept.push({ status: 'kept', video: paths.video });
			continue;
		}
		if (await finishedStaging(paths.platformDir, key)) {
			options.onStage?.(`package ${paths.platformDir}: an interrupted run finished this package, putting it in place`);
			await swapInPackage(paths.platformDir, [UPLOAD_RECORD_FILE]);
			await settleInterruptedSwap(paths.platformDir, paths.summary, { title: script.title, slug: prepared.slug, platform: prepared.platform });
			kept.push({ status: 'kept', video: paths.video });
			continue;
		}
		options.onStage?.(`assets ${paths.platformDir}: to S3`);
		const uploaded = await uploadAssets({ client, region, bucketName: target.bucketName, publicDir: prepared.cache.root, props, ledger });
		const frames = totalDurationInFrames(props.scenes);
		const chunks = planChunks(frames, config.framesPerLambda, capacity);
		const fresh = uploaded.assets.filter((a) => a.uploaded).length;
		videos.set(paths.platformDir, {
			script,
			prepared,
			lambdaProps: uploaded.props,
			draft,
			scale: settings.scale,
			renderKey: key,
			framesPerLambda: chunks.framesPerLambda,
			assets: { uploaded: fresh, skipped: uploaded.assets.length - fresh },
		});
		const keptRender = await keptLambdaRender(paths.platformDir, key);
		if (keptRender) {
			options.onStage?.(`render ${paths.platformDir}: using render ${keptRender.rendered.renderId}, downloaded by an earlier run, instead of rendering again`);
			reused.push({ id: paths.platformDir, rendered: keptRender.rendered });
			continue;
		}
		jobs.push({
			id: paths.platformDir,
			label: path.relative(process.cwd(), paths.platformDir) || paths.platformDir,
			totalFrames: frames,
			lambdas: chunks.lambdas,
			request: {
				region,
				functionName: target.functionName,
				serveUrl: target.serveUrl,
				composition: COMPOSITION_IDS.video,
				inputProps: uploaded.props,
				framesPerLambda: chunks.framesPerLambda,
				jpegQuality: settings.jpegQuality,
				x264Preset: settings.x264Preset,
				crf: settings.crf,
				scale: settings.scale,
				colorSpace: VIDEO_COLOR_SPACE,
			},
		});
	}

	const widest = Math.max(1, ...jobs.map((job) => job.lambdas));
	const concurrentRenders = renderConcurrency(config, capacity, widest);
	if (jobs.length > 0)
		options.onStage?.(`rendering ${jobs.length} video${jobs.length === 1 ? '' : 's'} on Lambda, up to ${Math.min(jobs.length, concurrentRenders)} at once`);
	const outcomes = await renderBatch({
		client,
		jobs,
		maxRenders: config.concurrency,
		accountConcurrency: capacity,
		afterRenderConcurrency: STILLS_AT_ONCE,
		...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
		...(options.sleep ? { sleep: options.sleep } : {}),
		...(options.onProgress ? { onProgress: options.onProgress } : {}),
		afterRender: async (job, rendered) => {
			const video = videos.get(job.id)!;
			// a video's platforms share summary.json: package them one after another
			const packaged = await oneAtATime(video.prepared.paths.summary, () =>
				packageLambdaVideo({ client, region, target, video, rendered, ...(options.onStage ? { onStage: options.onStage } : {}) }),
			);
			actualCost.set(job.id, packaged.costUsd);
		},
	});
	const packagedAgain = await Promise.all(
		reused.map(async ({ id, rendered }): Promise<BatchVideoResult> => {
			const video = videos.get(id)!;
			try {
				const packaged = await oneAtATime(video.prepared.paths.summary, () =>
					packageLambdaVideo({ client, region, target, video, rendered, ...(options.onStage ? { onStage: options.onStage } : {}) }),
				);
				// the render itself was paid for by the run that downloaded it
				return {
					status: 'rendered',
					video: video.prepared.paths.video,
					renderId: rendered.renderId,
					costUsd: Number((packaged.costUsd - rendered.costUsd).toFixed(6)),
					attempts: 0,
				};
			} catch (error) {
				return { status: 'failed', video: video.prepared.paths.video, renderId: rendered.renderId, error: (error as Error).message, costUsd: 0 };
			}
		}),
	);
	const results = [
		...kept,
		...packagedAgain,
		...outcomes.map((o: JobOutcome): BatchVideoResult => {
			const video = videos.get(o.job.id)!.prepared.paths.video;
			return o.ok
				? { status: 'rendered', video, renderId: o.renderId, costUsd: actualCost.get(o.job.id) ?? o.costUsd, attempts: o.attempts }
				: { status: 'failed', video, renderId: o.renderId, error: o.error, costUsd: o.costUsd };
		}),
	];
	const costUsd = Number(results.reduce((sum, r) => sum + (r.status === 'kept' ? 0 : r.costUsd), 0).toFixed(6));
	return { target, accountConcurrency, concurrentRenders, videos: results, costUsd, failed: results.filter((r) => r.status === 'failed').length };
};
