import { rm, stat } from 'node:fs/promises';
import { COMPOSITION_IDS } from '../compositions/composition-ids';
import type { AwsRegion } from '@remotion/lambda/client';
import { writeFinalVideo } from '../pipeline/audio/final-video';
import { PLATFORM_LOUDNESS, type Loudness } from '../pipeline/audio/loudness';
import { writeThroughPartial } from '../node/write-through-partial';
import { packageFiles, stagingDirFor, type PackageRecord, swapInPackage, writePackageRecord } from '../output/package-staging';
import { writeFileAtomic } from '../node/write-file-atomic';
import { UPLOAD_RECORD_FILE } from '../publish/youtube/upload-video';
import { downloadAndKeep, dropKeptRender } from './kept-download';
import { InputError } from '../schema/input-error';
import { readSummary, recordRender, recordSections, type VideoSummary } from '../output/summary';
import { costReport } from '../pipeline/stages/cost-report';
import type { PreparedVideo } from '../pipeline/stages/prepare-video';
import { musicReport } from '../pipeline/stages/music-report';
import { sceneReport } from '../pipeline/stages/scene-report';
import { fileSizeProblem } from '../schema/platform-limits';
import { writePackageFiles } from '../publish/write-package';
import { sceneCredits } from '../pipeline/stages/scene-credits';
import { sizeFor } from '../schema/platforms';
import type { VideoProps } from '../schema/video-props';
import type { VideoScript } from '../schema/video-script';
import { totalDurationInFrames } from '../timeline/scene-timeline';
import type { LambdaClient } from './lambda-client';
import type { RenderTarget } from './find-deployment';
import type { RenderedVideo } from './render-batch';

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

/** Post-processing failed after the render was paid for: says where the render is kept and how to finish. */
const keptRenderError = (error: unknown, kept: string) =>
	error instanceof InputError
		? error
		: new Error(`packaging failed; the render from Lambda is kept at ${kept}: run the same command again to finish it without rendering again`, {
				cause: error,
			});

/**
 * A finished Lambda render → the same package and summary.json as a local render: the MP4 downloaded and kept
 * in the package's staging folder, loudness-normalised, size-checked; captions, metadata, the cover (a still
 * rendered on Lambda); the package swapped in whole, then summary.json with a `lambda` section holding the
 * render id and what it cost. A failure leaves the previous package as it was and the download on disk.
 */
export const packageLambdaVideo = async ({
	client,
	region,
	target,
	video,
	rendered,
	onStage,
}: PackageLambdaOptions): Promise<{ summary: VideoSummary; costUsd: number }> => {
	const { script, prepared, lambdaProps } = video;
	const { platform, paths, props } = prepared;
	const staged = packageFiles(stagingDirFor(paths.platformDir));
	onStage?.(`download ${paths.platformDir}: ${rendered.renderId}`);
	const downloaded = await downloadAndKeep(client, region, paths.platformDir, video.renderKey, rendered);
	const size = sizeFor(platform, prepared.aspectRatio);
	const encoded = { width: Math.round(size.width * video.scale), height: Math.round(size.height * video.scale), draft: video.draft };
	const frames = totalDurationInFrames(props.scenes);
	let loudness: Loudness;
	let sizeBytes: number;
	let record: PackageRecord;
	let cover: Awaited<ReturnType<LambdaClient['renderStill']>>;
	try {
		// a record left by an older render in this folder must not vouch for the files this one is writing
		await rm(staged.record, { force: true });
		loudness = await writeFinalVideo(staged.video, { video: ['-i', downloaded], audio: downloaded, fps: props.fps, loudness: PLATFORM_LOUDNESS });
		sizeBytes = (await stat(staged.video)).size;
		const tooLarge = fileSizeProblem(platform, sizeBytes);
		if (tooLarge) throw new InputError(paths.video, [tooLarge]);
		await writeFileAtomic(staged.props, `${JSON.stringify(props, null, 2)}\n`);
		await writePackageFiles(script, props, staged, encoded, sceneCredits(prepared.sources));
		cover = await client.renderStill({
			region,
			functionName: target.functionName,
			serveUrl: target.serveUrl,
			composition: COMPOSITION_IDS.cover,
			inputProps: lambdaProps,
			jpegQuality: COVER_JPEG_QUALITY,
		});
		await writeThroughPartial(staged.cover, (partial) => client.downloadObject({ region, bucketName: cover.bucketName, key: cover.outKey, outPath: partial }));
		const renderFps = Number((frames / Math.max(0.001, rendered.wallMs / 1000)).toFixed(2));
		record = {
			renderKey: video.renderKey,
			draft: video.draft,
			render: { durationInFrames: frames, width: encoded.width, height: encoded.height, fps: props.fps, sizeBytes, wallMs: rendered.wallMs, renderFps },
			loudness,
		};
		await writePackageRecord(staged.dir, record);
	} catch (error) {
		throw keptRenderError(error, downloaded);
	}
	// the staging folder now holds a whole package, which a rerun swaps in as it is
	await dropKeptRender(paths.platformDir);
	await swapInPackage(paths.platformDir, [UPLOAD_RECORD_FILE]);

	await recordRender(
		paths.summary,
		{ title: script.title, slug: prepared.slug, platform, draft: video.draft, renderKey: video.renderKey },
		{ ...record.render, file: paths.video },
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
		cost: costReport(script, props, prepared.sources, undefined, prepared.characters),
		music: musicReport(prepared.music, props),
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
