import { stat } from 'node:fs/promises';
import { AssetCache } from '../../cache/asset-cache';
import { buildProps } from '../../props/build-props';
import type { StoryboardProvider } from '../../providers/storyboard/storyboard-provider';
import type { VoiceProvider } from '../../providers/voice/voice-provider';
import { PLATFORMS, sizeFor, type PlatformName } from '../../schema/platforms';
import { fileSizeProblem, platformLimitProblems } from '../../publish/platform-limits';
import { writePackage } from '../../publish/write-package';
import { totalDurationInFrames } from '../../timeline/scene-timeline';
import { InputError } from '../input-error';
import { normalizeLoudness, PLATFORM_LOUDNESS, type Loudness } from '../audio/loudness';
import { resolveMusic } from '../audio/resolve-music';
import { videoPropsSchema, type VideoProps } from '../../schema/video-props';
import type { VideoScript } from '../../schema/video-script';
import { detectLanguage } from '../../timeline/language';
import type { AssetEvent, StageStats } from '../assets/asset-events';
import type { RedoRequest } from '../assets/redo';
import { resolveAssets, type SceneSources } from '../assets/resolve-assets';
import { outputPaths } from '../output/output-paths';
import { slugify } from '../output/slug';
import { readSummary, recordRender, recordSections, type VideoSummary } from '../output/summary';
import { writeFileAtomic } from '../output/write-file-atomic';
import { costReport, type ScriptWork } from './cost-report';
import { bundleSite, PROJECT_ROOT } from '../render/bundle-site';
import { renderKey } from '../render/render-key';
import { renderSettings, type RenderSettings } from '../render/render-settings';
import { renderVideo, type RenderProgress } from '../render/render-video';

export type ProduceVideoOptions = {
	readonly script: VideoScript;
	/** The script's file: supplied asset paths are relative to its folder. */
	readonly scriptFile: string;
	readonly outDir: string;
	readonly platform?: PlatformName;
	readonly draft?: boolean;
	readonly voice: VoiceProvider | null;
	readonly storyboard: StoryboardProvider | null;
	readonly redo?: readonly RedoRequest[];
	readonly settings?: Partial<RenderSettings>;
	/** Figures of a script stage that ran before, for the summary. */
	readonly scriptStage?: StageStats;
	/** `--music`: a bed instead of the script's `music` or the project's own. */
	readonly musicFile?: string;
	/** What writing the script used, for the cost estimate. */
	readonly scriptWork?: ScriptWork;
	readonly onStage?: (message: string) => void;
	readonly onAsset?: (event: AssetEvent) => void;
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

const sizeOf = (file: string) => stat(file).then((s) => s.size, () => -1);

const sceneReport = (script: VideoScript, props: VideoProps, sources: Map<number, SceneSources>) =>
	script.scenes.map((scene, index) => ({
		scene_id: scene.scene_id,
		scripted_seconds: scene.duration,
		final_seconds: Number((props.scenes[index]!.durationInFrames / props.fps).toFixed(3)),
		voice_seconds: props.scenes[index]!.audio ? Number((props.scenes[index]!.audio!.durationInFrames / props.fps).toFixed(3)) : null,
		voice: sources.get(scene.scene_id)?.voice ?? null,
		image: sources.get(scene.scene_id)?.image ?? null,
	}));

/**
 * A validated script → assets through the cache → props → MP4, skipping the render when the same props,
 * settings and drawing code already produced the video. Writes props.json, manifest.json and summary.json.
 */
export const produceVideo = async (options: ProduceVideoOptions): Promise<ProduceVideoResult> => {
	const { script } = options;
	const platform = options.platform ?? script.target_platform;
	const slug = slugify(script.title);
	const paths = outputPaths(options.outDir, slug, platform);
	const cache = new AssetCache(paths.cache);
	// native per platform: the script's aspect_ratio is for its own platform; others get their preferred one
	const aspectRatio = platform === script.target_platform && script.aspect_ratio ? script.aspect_ratio : PLATFORMS[platform].preferredAspect;
	const language = script.language ?? detectLanguage(script.scenes.map((s) => s.narration).join(''));

	options.onStage?.('voice and storyboard');
	const resolved = await resolveAssets({
		script,
		scriptFile: options.scriptFile,
		projectRoot: PROJECT_ROOT,
		language,
		outputSize: sizeFor(platform, aspectRatio),
		cache,
		manifestFile: paths.manifest,
		voice: options.voice,
		storyboard: options.storyboard,
		redo: options.redo ?? [],
		concurrency: { voice: options.voice?.maxConcurrency ?? 2, storyboard: options.storyboard?.maxConcurrency ?? 2 },
		...(options.onAsset ? { onEvent: options.onAsset } : {}),
	});
	const music = await resolveMusic(script, options.scriptFile, PROJECT_ROOT, cache.root, options.musicFile);
	const props = videoPropsSchema.parse(buildProps(script, { platform, aspectRatio, assets: resolved.assets, music }));
	const limits = platformLimitProblems(platform, aspectRatio, totalDurationInFrames(props.scenes) / props.fps);
	if (limits.length > 0) throw new InputError(options.scriptFile, limits);
	await writeFileAtomic(paths.props, `${JSON.stringify(props, null, 2)}\n`);

	const draft = options.draft ?? false;
	const settings = renderSettings(draft, options.settings);
	const key = await renderKey(props, settings);
	const prior = (await readSummary(paths.summary))?.platforms[platform];
	const renderStarted = performance.now();
	const packaged = (await sizeOf(paths.cover)) > 0 && (await sizeOf(paths.metadata)) > 0 && (await sizeOf(paths.srt)) >= 0;
	const renderCached = prior?.renderKey === key && (await sizeOf(paths.video)) === prior.sizeBytes && packaged;
	let summary: VideoSummary;
	let loudness: Loudness | null = null;
	if (renderCached) {
		options.onStage?.(`render ${platform}: unchanged since the last run, kept ${paths.video}`);
		summary = (await readSummary(paths.summary))!;
	} else {
		options.onStage?.('bundling');
		const serveUrl = await bundleSite(cache.root);
		options.onStage?.(`rendering ${platform}${draft ? ' (draft)' : ''}`);
		const rendered = await renderVideo({
			serveUrl,
			props,
			outputFile: paths.video,
			settings,
			...(options.onProgress ? { onProgress: options.onProgress } : {}),
		});
		options.onStage?.(`loudness ${platform}: normalising to ${PLATFORM_LOUDNESS.targetLufs} LUFS`);
		loudness = await normalizeLoudness(paths.video, paths.video);
		const result = { ...rendered, sizeBytes: (await stat(paths.video)).size };
		const tooLarge = fileSizeProblem(platform, result.sizeBytes);
		if (tooLarge) throw new InputError(paths.video, [tooLarge]);
		options.onStage?.(`package ${platform}: cover, captions, metadata`);
		await writePackage(serveUrl, script, props, paths);
		summary = await recordRender(paths.summary, { title: script.title, slug, platform, draft, renderKey: key }, result);
	}
	const stages: StageFigures = {
		...(options.scriptStage ? { script: options.scriptStage } : {}),
		voice: resolved.stages.voice,
		storyboard: resolved.stages.storyboard,
		render: { generated: renderCached ? 0 : 1, cached: renderCached ? 1 : 0, ms: Math.round(performance.now() - renderStarted) },
	};
	summary = await recordSections(paths.summary, {
		stages,
		scenes: sceneReport(script, props, resolved.sources),
		cost: costReport(script, props, resolved.sources, options.scriptWork),
		...(loudness ? { loudness: { ...(summary.loudness as object | undefined), [platform]: loudness } } : {}),
	});
	return { platform, slug, video: paths.video, summaryFile: paths.summary, summary, stages, renderCached };
};
