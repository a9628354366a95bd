import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { AssetCache } from '../../cache/asset-cache';
import { sweepStalePartials } from '../../node/stale-partials';
import { buildProps } from '../../props/build-props';
import type { StoryboardProvider } from '../../providers/storyboard/storyboard-provider';
import type { VoiceProvider } from '../../providers/voice/voice-provider';
import type { AspectRatio, PlatformName } from '../../schema/platforms';
import { videoTarget } from '../../props/video-target';
import { platformLimitProblems } from '../../schema/platform-limits';
import { scriptLimitProblems } from '../../publish/script-limits';
import { totalDurationInFrames } from '../../timeline/scene-timeline';
import { InputError } from '../../schema/input-error';
import { checkMusic, type PlacedMusic } from '../audio/resolve-music';
import type { MusicMoodName } from '../audio/music-moods';
import { videoPropsSchema, type VideoProps } from '../../schema/video-props';
import type { VideoScript } from '../../schema/video-script';
import type { AssetEvent, StageStats } from '../assets/asset-events';
import type { CharacterSheet } from '../assets/character-stage';
import type { RedoRequest } from '../assets/redo';
import { resolveAssets, type SceneSources } from '../assets/resolve-assets';
import { outputPaths } from '../../output/output-paths';
import { slugify } from '../../output/slug';
import { settleInterruptedSwap, stagingDirFor } from '../../output/package-staging';
import { PROJECT_ROOT } from '../../node/project-root';

export type PrepareVideoOptions = {
	readonly script: VideoScript;
	/** The script's file: supplied asset paths are relative to its folder. */
	readonly scriptFile: string;
	readonly outDir: string;
	readonly platform?: PlatformName;
	readonly voice: VoiceProvider | null;
	readonly storyboard: StoryboardProvider | null;
	readonly redo?: readonly RedoRequest[];
	/** `--music`: a bed instead of the script's `music` or the project's own. */
	readonly musicFile?: string;
	readonly onStage?: (message: string) => void;
	readonly onAsset?: (event: AssetEvent) => void;
};

export type PreparedVideo = {
	readonly platform: PlatformName;
	readonly aspectRatio: AspectRatio;
	readonly slug: string;
	readonly paths: ReturnType<typeof outputPaths>;
	readonly cache: AssetCache;
	/** Validated props; asset `src`s are relative to `cache.root`. */
	readonly props: VideoProps;
	readonly sources: Map<number, SceneSources>;
	/** The characters' pictures the scenes were drawn from (for the cost of their sheets). */
	readonly characters: ReadonlyMap<string, CharacterSheet>;
	readonly stages: { readonly voice: StageStats; readonly storyboard: StageStats };
	/** The bed under the video: which of ours (null: a person's file) and its beat, when known. */
	readonly music: PlacedMusic & { readonly mood: MusicMoodName | null };
};

const foldersIn = async (dir: string): Promise<string[]> =>
	(await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory()).map((entry) => path.join(dir, entry.name));

/**
 * Everything before the render: assets through the cache, music, validated props, the platform's limits.
 * Writes manifest.json; finishes what a run killed during a package swap left. Local and Lambda renders both start here.
 */
export const prepareVideo = async (options: PrepareVideoOptions): Promise<PreparedVideo> => {
	const { script } = options;
	const platform = options.platform ?? script.target_platform;
	const slug = slugify(script.title);
	const paths = outputPaths(options.outDir, slug, platform);
	const cache = new AssetCache(paths.cache);
	const { aspectRatio, language, size } = videoTarget(script, platform);

	const early = scriptLimitProblems(script, [platform]);
	if (early.length > 0) throw new InputError(options.scriptFile, early);
	// a person's music file is checked before any voice or image is made (supplied images: in resolveAssets, first)
	const checkedMusic = await checkMusic(script, options.scriptFile, PROJECT_ROOT, options.musicFile);
	// what killed runs left half-written in this video's folders and the cache goes first
	await sweepStalePartials([paths.videoDir, paths.platformDir, stagingDirFor(paths.platformDir), paths.cache, ...(await foldersIn(paths.cache))]);
	await settleInterruptedSwap(paths.platformDir, paths.summary, { title: script.title, slug, platform });
	options.onStage?.('voice and storyboard');
	const resolved = await resolveAssets({
		script,
		scriptFile: options.scriptFile,
		projectRoot: PROJECT_ROOT,
		language,
		outputSize: size,
		cache,
		manifestFile: paths.manifest,
		voice: options.voice,
		storyboard: options.storyboard,
		redo: options.redo ?? [],
		concurrency: { voice: options.voice?.maxConcurrency ?? 2, storyboard: options.storyboard?.maxConcurrency ?? 2 },
		...(options.onAsset ? { onEvent: options.onAsset } : {}),
	});
	const music = await checkedMusic.stash(cache.root);
	const props = videoPropsSchema.parse(buildProps(script, { platform, assets: resolved.assets, music }));
	const limits = platformLimitProblems(platform, aspectRatio, totalDurationInFrames(props.scenes) / props.fps);
	if (limits.length > 0) throw new InputError(options.scriptFile, limits);
	return {
		platform,
		aspectRatio,
		slug,
		paths,
		cache,
		props,
		sources: resolved.sources,
		characters: resolved.characters,
		stages: resolved.stages,
		music: { ...music, mood: checkedMusic.mood },
	};
};
