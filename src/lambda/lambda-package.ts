import { stat } from 'node:fs/promises';
import type { AwsRegion } from '@remotion/lambda/client';
import { normalizeLoudness, type Loudness } from '../pipeline/audio/loudness';
import { partialPathFor } from '../node/partial-path';
import { ownTempFiles } from '../node/write-through-partial';
import { InputError } from '../pipeline/input-error';
import { readSummary, recordRender, recordSections, type VideoSummary } from '../pipeline/output/summary';
import { costReport } from '../pipeline/stages/cost-report';
import type { PreparedVideo } from '../pipeline/stages/prepare-video';
import { sceneReport } from '../pipeline/stages/scene-report';
import { fileSizeProblem } from '../publish/platform-limits';
import { writePackageFiles } from '../publish/write-package';
import { sizeFor } from '../schema/platforms';
import type { VideoProps } from '../schema/video-props';
import type { VideoScript } from '../schema/video-script';
import { totalDurationInFrames } from '../timeline/scene-timeline';
import type { LambdaClient } from './lambda-client';
import type { RenderTarget } from './find-deployment';
import type { RenderedVideo } from './render-batch';

export const COVER_COMPOSITION_ID = 'Cover';
/** As the local cover (render-frame.ts). */
const COVER_JPEG_QUALITY = 90;

export type LambdaVideo = {
	readonly script: VideoScript;
	readonly prepared: PreparedVideo;
	/** The props as sent to Lambda: asset URLs instead of cache paths. */
	readonly lambdaProps: VideoProps;
	readonly draft: boolean;
	readonly scale: number;
	readonly renderKey: string;
	readonly framesPerLambda: number;
	readonly assets: { readonly uploaded: number; readonly skipped: number };
};

export type PackageLambdaOptions = {
	readonly client: LambdaClient;
	readonly region: AwsRegion;
	readonly target: RenderTarget;
	readonly video: LambdaVideo;
	readonly rendered: RenderedVideo;
	readonly onStage?: (message: string) => void;
};

/**
 * A finished Lambda render → the same package and summary.json as a local render: the MP4 downloaded into
 * out/<slug>/<platform>/, loudness-normalised, size-checked; captions, metadata, the cover (a still rendered
 * on Lambda); and summary.json with a `lambda` section holding the render id and what it cost.
 */
export const packageLambdaVideo = async ({ client, region, target, video, rendered, onStage }: PackageLambdaOptions): Promise<{ summary: VideoSummary; costUsd: number }> => {
	const { script, prepared, lambdaProps } = video;
	const { platform, paths, props } = prepared;
	const downloaded = partialPathFor(paths.video, 'lambda');
	const removeDownload = ownTempFiles([downloaded]);
	onStage?.(`download ${paths.platformDir}: ${rendered.renderId}`);
	let loudness: Loudness;
	try {
		await client.downloadMedia({ region, bucketName: rendered.bucketName, renderId: rendered.renderId, outPath: downloaded });
		loudness = await normalizeLoudness(downloaded, paths.video);
	} finally {
		await removeDownload();
	}
	const sizeBytes = (await stat(paths.video)).size;
	const tooLarge = fileSizeProblem(platform, sizeBytes);
	if (tooLarge) throw new InputError(paths.video, [tooLarge]);

	const size = sizeFor(platform, prepared.aspectRatio);
	const encoded = { width: Math.round(size.width * video.scale), height: Math.round(size.height * video.scale), draft: video.draft };
	await writePackageFiles(script, props, paths, encoded);
	const cover = await client.renderStill({
		region,
		functionName: target.functionName,
		serveUrl: target.serveUrl,
		composition: COVER_COMPOSITION_ID,
		inputProps: lambdaProps,
		jpegQuality: COVER_JPEG_QUALITY,
	});
	await client.downloadObject({ region, bucketName: cover.bucketName, key: cover.outKey, outPath: paths.cover });

	const frames = totalDurationInFrames(props.scenes);
	await recordRender(
		paths.summary,
		{ title: script.title, slug: prepared.slug, platform, draft: video.draft, renderKey: video.renderKey },
		{
			file: paths.video,
			durationInFrames: frames,
			width: encoded.width,
			height: encoded.height,
			fps: props.fps,
			sizeBytes,
			wallMs: rendered.wallMs,
			renderFps: Number((frames / Math.max(0.001, rendered.wallMs / 1000)).toFixed(2)),
		},
	);
	const previous = await readSummary(paths.summary);
	const costUsd = Number((rendered.costUsd + cover.costUsd).toFixed(6));
	const summary = await recordSections(paths.summary, {
		stages: {
			voice: prepared.stages.voice,
			storyboard: prepared.stages.storyboard,
			render: { generated: 1, cached: 0, ms: rendered.wallMs },
		},
		scenes: sceneReport(script, props, prepared.sources),
		cost: costReport(script, props, prepared.sources),
		loudness: { ...(previous?.loudness as object | undefined), [platform]: loudness },
		lambda: {
			...(previous?.lambda as object | undefined),
			[platform]: {
				region,
				functionName: target.functionName,
				bucket: rendered.bucketName,
				renderId: rendered.renderId,
				attempts: rendered.attempts,
				failedRenderIds: rendered.failedRenderIds,
				framesPerLambda: video.framesPerLambda,
				lambdasInvoked: rendered.lambdasInvoked,
				coverRenderId: cover.renderId,
				assetsUploaded: video.assets.uploaded,
				assetsSkipped: video.assets.skipped,
				costUsd,
			},
		},
	});
	return { summary, costUsd };
};
