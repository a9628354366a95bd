import path from 'node:path';
import type { CostEstimate } from '../cost/estimate-cost';
import { InputError } from '../schema/input-error';
import { renderSettings } from '../pipeline/render/render-settings';
import { planVideo } from '../pipeline/stages/plan-video';
import { buildProps, type SceneAssets } from '../props/build-props';
import type { StoryboardProvider } from '../providers/storyboard/storyboard-provider';
import type { VoiceProvider } from '../providers/voice/voice-provider';
import { platformLimitProblems } from '../schema/platform-limits';
import type { PlatformName } from '../schema/platforms';
import { videoTarget } from '../props/video-target';
import { totalDurationInFrames } from '../timeline/scene-timeline';
import { batchVideos, type LoadedScript } from './batch-inputs';
import { estimateVideo, TIME_MODEL, type VideoEstimate } from './estimate';
import type { LambdaConfig } from './lambda-config';
import { renderCapacity, renderConcurrency } from './lambda-plan';

export type PlannedVideo = {
	readonly scriptFile: string;
	readonly title: string;
	readonly video: string;
	readonly platform: PlatformName;
	readonly frames: number;
	readonly fps: number;
	readonly width: number;
	readonly height: number;
	readonly estimate: VideoEstimate;
	/** Voices and pictures this run would make, at list prices. */
	readonly assetCost: CostEstimate;
};

export type LambdaBatchPlan = {
	readonly config: LambdaConfig;
	readonly accountConcurrency: number;
	readonly videos: readonly PlannedVideo[];
	/** Videos rendering at once, at most. */
	readonly concurrentRenders: number;
	readonly totalUsd: number;
	readonly assetUsd: number;
};

export type PlanLambdaBatchOptions = {
	readonly scripts: readonly LoadedScript[];
	readonly platforms?: readonly PlatformName[];
	readonly outDir: string;
	readonly draft: boolean;
	readonly config: LambdaConfig;
	readonly accountConcurrency: number;
	readonly voice: VoiceProvider | null;
	readonly storyboard: StoryboardProvider | null;
};

/**
 * `lambda:render --dry-run`: per script and platform, the frames (from cached voices, or the speech estimate),
 * the chunks and functions, and the price, without credentials, network or any provider call.
 */
export const planLambdaBatch = async (options: PlanLambdaBatchOptions): Promise<LambdaBatchPlan> => {
	const { config } = options;
	const scale = renderSettings(options.draft).scale;
	const videos: PlannedVideo[] = [];
	const capacity = renderCapacity(options.accountConcurrency);
	for (const { file, script, platform } of batchVideos(options.scripts, options.platforms)) {
		const plan = await planVideo({ script, outDir: options.outDir, platform, voice: options.voice, storyboard: options.storyboard });
		const assets = new Map<number, SceneAssets>(
			plan.scenes.filter((s) => s.voice !== 'none').map((s) => [s.sceneId, { audio: { src: 'estimate', durationMs: s.voiceSeconds * 1000 } }]),
		);
		const { aspectRatio, size } = videoTarget(script, platform);
		const props = buildProps(script, { platform, assets });
		const frames = totalDurationInFrames(props.scenes);
		const limits = platformLimitProblems(platform, aspectRatio, frames / props.fps);
		if (limits.length > 0) throw new InputError(file, limits);
		videos.push({
			scriptFile: file,
			title: script.title,
			video: plan.video,
			platform,
			frames,
			fps: props.fps,
			width: Math.round(size.width * scale),
			height: Math.round(size.height * scale),
			estimate: estimateVideo({ frames, width: size.width, height: size.height, scale }, config, capacity),
			assetCost: plan.runCost,
		});
	}
	const widest = Math.max(1, ...videos.map((v) => v.estimate.chunks.lambdas));
	const sum = (values: number[]) => Number(values.reduce((a, b) => a + b, 0).toFixed(5));
	return {
		config,
		accountConcurrency: options.accountConcurrency,
		videos,
		concurrentRenders: Math.min(videos.length, renderConcurrency(config, capacity, widest)),
		totalUsd: sum(videos.map((v) => v.estimate.usd)),
		assetUsd: sum(videos.map((v) => v.assetCost.totalUsd)),
	};
};

const seconds = (ms: number) => (ms >= 90_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(0)} s`);

/** The dry-run report: one line per video, then the batch's totals and assumptions. */
export const formatLambdaPlan = (plan: LambdaBatchPlan, assumedAccount: boolean): string => {
	const { config } = plan;
	const here = (file: string) => path.relative(process.cwd(), file) || file;
	const lines = [
		`Lambda plan: ${plan.videos.length} video${plan.videos.length === 1 ? '' : 's'} in ${config.region}; function ${config.memorySizeInMb} MB memory, ${config.diskSizeInMb} MB disk, ${config.timeoutInSeconds} s timeout; ${config.framesPerLambda} frames per Lambda`,
	];
	for (const v of plan.videos) {
		const { chunks } = v.estimate;
		lines.push(
			`${here(v.scriptFile)} → ${here(path.dirname(v.video))}: ${v.frames} frames (${(v.frames / v.fps).toFixed(1)} s at ${v.fps} fps, ${v.width}x${v.height}); ` +
				`${chunks.renderers} renderers × ${chunks.framesPerLambda} frames + main + cover = ${v.estimate.lambdasInvoked} Lambdas, ` +
				`~${seconds(v.estimate.billedMs)} billed, ~${seconds(v.estimate.wallMs)} to render; est. $${v.estimate.usd.toFixed(4)}` +
				(v.assetCost.totalUsd > 0 ? `; voices and pictures to make: $${v.assetCost.totalUsd.toFixed(3)} at list prices` : ''),
		);
		if (chunks.raisedBecause) lines.push(`  frames per Lambda raised to ${chunks.framesPerLambda}: ${chunks.raisedBecause}`);
		if (v.estimate.overTimeout)
			lines.push(`  warning: may run past the ${config.timeoutInSeconds} s timeout; raise REELSMITH_LAMBDA_TIMEOUT and run npm run lambda:deploy`);
	}
	const frames = plan.videos.reduce((a, v) => a + v.frames, 0);
	const videoSeconds = plan.videos.reduce((a, v) => a + v.frames / v.fps, 0);
	lines.push(
		`total: ${frames} frames (${videoSeconds.toFixed(1)} s of video), est. $${plan.totalUsd.toFixed(4)} on Lambda` +
			(plan.assetUsd > 0 ? ` + $${plan.assetUsd.toFixed(3)} for voices and pictures` : ''),
		`up to ${plan.concurrentRenders} video${plan.concurrentRenders === 1 ? '' : 's'} render at once (REELSMITH_LAMBDA_CONCURRENCY ${config.concurrency}, ` +
			`${assumedAccount ? `assuming AWS's default account limit of ${plan.accountConcurrency} concurrent Lambdas; new accounts often have 10, see docs/lambda.md` : `account limit ${plan.accountConcurrency} concurrent Lambdas`})`,
		`estimates assume ~${TIME_MODEL.msPerFrame} ms per 1080x1920 frame at ${TIME_MODEL.referenceMemoryMb} MB and ${TIME_MODEL.bootMs / 1000} s to start each function; summary.json gets the real cost after a render`,
		'nothing was uploaded or rendered (--dry-run)',
	);
	return lines.join('\n');
};
