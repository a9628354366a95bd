import { mkdir, rm, stat } from 'node:fs/promises';
import type { PlatformName } from '../../schema/platforms';
import { fileSizeProblem } from '../../schema/platform-limits';
import { writePackage } from '../../publish/write-package';
import { UPLOAD_RECORD_FILE } from '../../publish/youtube/upload-video';
import { finishedStaging, packageFiles, stagingDirFor, swapInPackage, writePackageRecord } from '../../output/package-staging';
import { writeFileAtomic } from '../../node/write-file-atomic';
import { InputError } from '../../schema/input-error';
import { PLATFORM_LOUDNESS, type Loudness } from '../audio/loudness';
import type { StageStats } from '../assets/asset-events';
import { sceneCredits } from './scene-credits';
import { sceneReport } from './scene-report';
import { musicReport } from './music-report';
import { readSummary, recordRender, recordSections, type VideoSummary } from '../../output/summary';
import { costReport, type ScriptWork } from './cost-report';
import { prepareVideo, type PrepareVideoOptions } from './prepare-video';
import { renderKey } from '../render/render-key';
import { renderSettings, type RenderSettings } from '../render/render-settings';
import type { RenderProgress } from '../render/render-video';
import { renderWithEngine, stillRendererFor } from '../render/render-with-engine';
import { packageIsCurrent } from '../../output/package-current';

export type ProduceVideoOptions = PrepareVideoOptions & {
	readonly draft?: boolean;
	readonly settings?: Partial<RenderSettings>;
	/** Figures of a script stage that ran before, for the summary. */
	readonly scriptStage?: StageStats;
	/** What writing the script used, for the cost estimate. */
	readonly scriptWork?: ScriptWork;
	readonly onProgress?: (progress: RenderProgress) => void;
};

export type StageFigures = Partial<Record<'script' | 'voice' | 'storyboard' | 'render', StageStats>>;

export type ProduceVideoResult = {
	readonly platform: PlatformName;
	readonly slug: string;
	readonly video: string;
	readonly summaryFile: string;
	readonly summary: VideoSummary;
	readonly stages: StageFigures;
	readonly renderCached: boolean;
};

/**
 * A validated script → assets through the cache → props → MP4, skipping the render when the same props,
 * settings and drawing code already produced the video. The package (video, props.json, cover, captions,
 * metadata) is made in a staging folder and swapped in whole; summary.json is written after it.
 */
export const produceVideo = async (options: ProduceVideoOptions): Promise<ProduceVideoResult> => {
	const { script } = options;
	const { platform, slug, paths, props, sources, characters, stages: assetStages, cache, music } = await prepareVideo(options);

	const draft = options.draft ?? false;
	const settings = renderSettings(draft, options.settings);
	const key = await renderKey(props, settings);
	const renderStarted = performance.now();
	const renderCached = await packageIsCurrent(paths, platform, key);
	let summary: VideoSummary;
	let loudness: Loudness | null = null;
	if (renderCached) {
		options.onStage?.(`render ${platform}: unchanged since the last run, kept ${paths.video}`);
		summary = (await readSummary(paths.summary))!;
	} else {
		// the package is made whole in a staging folder and swapped in: a failure leaves the previous one untouched
		const staged = packageFiles(stagingDirFor(paths.platformDir));
		let record = await finishedStaging(paths.platformDir, key);
		if (record) {
			options.onStage?.(`package ${platform}: an interrupted run finished this package, putting it in place`);
		} else {
			options.onStage?.(`rendering ${platform}${draft ? ' (draft)' : ''}`);
			await mkdir(staged.dir, { recursive: true });
			// a record left by an older render in this folder must not vouch for the files this one is writing
			await rm(staged.record, { force: true });
			await writeFileAtomic(staged.props, `${JSON.stringify(props, null, 2)}\n`);
			const {
				file: _,
				loudness: measured,
				...rendered
			} = await renderWithEngine({
				publicDir: cache.root,
				props,
				outputFile: staged.video,
				settings,
				// normalised to the platforms' loudness as the soundtrack is encoded (the web engine encodes AAC once)
				loudness: PLATFORM_LOUDNESS,
				...(options.onProgress ? { onProgress: options.onProgress } : {}),
				...(options.onStage ? { onStage: (message: string) => options.onStage?.(`render ${platform}: ${message}`) } : {}),
			});
			const sizeBytes = (await stat(staged.video)).size;
			const tooLarge = fileSizeProblem(platform, sizeBytes);
			if (tooLarge) throw new InputError(paths.video, [tooLarge]);
			options.onStage?.(`package ${platform}: cover, captions, metadata`);
			await writePackage(
				stillRendererFor(settings.engine, cache.root),
				script,
				props,
				staged,
				{ width: rendered.width, height: rendered.height, draft },
				sceneCredits(sources),
			);
			record = { renderKey: key, draft, render: { ...rendered, sizeBytes }, ...(measured ? { loudness: measured } : {}) };
			await writePackageRecord(staged.dir, record);
		}
		await swapInPackage(paths.platformDir, [UPLOAD_RECORD_FILE]);
		loudness = record.loudness ?? null;
		// written last: summary.json describes a package only once the package is whole and in place
		summary = await recordRender(
			paths.summary,
			{ title: script.title, slug, platform, draft, renderKey: key, engine: settings.engine },
			{ ...record.render, file: paths.video },
		);
	}
	const stages: StageFigures = {
		...(options.scriptStage ? { script: options.scriptStage } : {}),
		voice: assetStages.voice,
		storyboard: assetStages.storyboard,
		render: { generated: renderCached ? 0 : 1, cached: renderCached ? 1 : 0, ms: Math.round(performance.now() - renderStarted) },
	};
	summary = await recordSections(paths.summary, {
		stages,
		scenes: sceneReport(script, props, sources),
		cost: costReport(script, props, sources, options.scriptWork, characters),
		music: musicReport(music, props),
		...(loudness ? { loudness: { ...(summary.loudness as object | undefined), [platform]: loudness } } : {}),
	});
	return { platform, slug, video: paths.video, summaryFile: paths.summary, summary, stages, renderCached };
};
