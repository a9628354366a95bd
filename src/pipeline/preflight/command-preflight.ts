import type { ProviderNames } from '../../providers/provider-factory';
import { createArticleScriptWriter } from '../../providers/script/article/article-script-writer';
import { scriptLimitProblems } from '../../publish/script-limits';
import { ASPECT_SIZES, aspectFor, PLATFORMS, type PlatformName } from '../../schema/platforms';
import type { VideoScript } from '../../schema/video-script';
import { InputError } from '../../schema/input-error';
import { loadScript } from '../load-script';
import { renderSettings, type RenderEngine, type RenderSettings } from '../render/render-settings';
import { webVideoBitrate } from '../render/web/render-video-on-web';
import { scriptRequestFor, type MakeVideoOptions } from '../stages/make-video';
import { estimateRunBytes, type VideoToWrite } from './disk-space';
import { preflight, type PreflightReport } from './preflight';

/** The LLM writer's length for a topic without --duration. */
const TOPIC_SECONDS = 60;
/** The shortest scene the seed asks for: a script not yet written has at most this many seconds a scene. */
const SHORTEST_SCENE_SECONDS = 5;

/** The video a script makes for a platform: its size at the render's scale, its scripted length. */
export const videoToWrite = (script: VideoScript, platform: PlatformName, settings: RenderSettings): VideoToWrite => {
	const size = ASPECT_SIZES[aspectFor(script, platform)];
	return {
		width: Math.round(size.width * settings.scale),
		height: Math.round(size.height * settings.scale),
		fps: script.fps,
		// the scripted lengths: voices may stretch a scene, transitions shorten the whole; the estimate has room for both
		seconds: script.scenes.reduce((sum, scene) => sum + scene.duration, 0),
		bitsPerPixel: settings.webBitsPerPixel,
		scenes: script.scenes.length,
	};
};

/** What the web engine's encoder must take for `video`, as the render will ask it (see renderVideoOnWeb). */
const encoderFor = (video: VideoToWrite) => ({
	width: video.width,
	height: video.height,
	videoBitrate: webVideoBitrate(video.width, video.height, video.fps, video.bitsPerPixel),
});

/** `forced` is what --renderer (or REELSMITH_RENDERER) asked for; without it the browser's encoder picks the engine. */
const localRenderChecks = (videos: readonly VideoToWrite[], outDir: string, forced: RenderEngine | undefined, names: ProviderNames, llmModelFlag?: string) =>
	preflight({
		ffmpeg: true,
		browser: { engine: forced, encoder: encoderFor(videos[0]!), outDir },
		disk: { outDir, neededBytes: estimateRunBytes(videos) },
		models: { names, ...(llmModelFlag ? { llmModelFlag } : {}) },
	});

export type RenderPreflightOptions = {
	readonly scriptFile: string;
	/** As `--platform` gave them; undefined is the script's own target platform. */
	readonly platforms: readonly (PlatformName | undefined)[];
	readonly outDir: string;
	readonly draft: boolean;
	readonly settings: Partial<RenderSettings>;
	readonly names: ProviderNames;
};

/** `npm run render`: the environment for every platform asked for, after the script and its limits were checked. */
export const preflightRender = async (options: RenderPreflightOptions): Promise<PreflightReport> => {
	const script = await loadScript(options.scriptFile);
	const settings = renderSettings(options.draft, options.settings);
	const videos = options.platforms.map((platform) => videoToWrite(script, platform ?? script.target_platform, settings));
	return localRenderChecks(videos, options.outDir, options.settings.engine, options.names);
};

/**
 * `npm run make`: the script is not written yet. With the offline writer it is written here, in memory (it costs
 * nothing and makeVideo writes the same one), so its limits are checked first (exit 2) and its length is known;
 * otherwise the length is --duration, an article's length as the offline writer reads it, or a topic's default.
 */
export const preflightMake = async (
	options: MakeVideoOptions & { readonly names: ProviderNames; readonly llmModelFlag?: string | undefined },
): Promise<PreflightReport> => {
	const request = await scriptRequestFor(options);
	const targets = [request.platform, ...(options.alsoPlatforms ?? []).filter((p) => p !== request.platform)];
	const settings = renderSettings(options.draft ?? false, options.settings);
	let script: VideoScript | null = null;
	if (request.source.kind === 'article') {
		const written = await createArticleScriptWriter()
			.write(request)
			.catch((error: Error) => {
				// as makeVideo reports it when the offline writer is the one used; a model may still make something of it
				if (options.llm.offline && 'from' in options.source) throw new InputError(options.source.from, [{ path: '--from', message: error.message }]);
				return null;
			});
		script = written?.script ?? null;
		if (script && options.llm.offline && 'from' in options.source) {
			const limits = scriptLimitProblems(script, targets);
			if (limits.length > 0) throw new InputError(options.source.from, limits);
		}
	}
	const videos = targets.map((platform): VideoToWrite => {
		if (script) return videoToWrite(script, platform, settings);
		const seconds = request.durationSeconds ?? TOPIC_SECONDS;
		const size = ASPECT_SIZES[PLATFORMS[platform].preferredAspect];
		return {
			width: Math.round(size.width * settings.scale),
			height: Math.round(size.height * settings.scale),
			// a script's default frame rate
			fps: 30,
			seconds,
			bitsPerPixel: settings.webBitsPerPixel,
			scenes: Math.ceil(seconds / SHORTEST_SCENE_SECONDS),
		};
	});
	return localRenderChecks(videos, options.outDir, options.settings?.engine, options.names, options.llmModelFlag);
};

/**
 * `npm run lambda:render`: Lambda renders in the cloud, so no browser; here ffmpeg (to normalise and package what
 * comes back), room for the downloads, and the models of the voices and images made here. `videos` are the
 * batch's script × platform pairs.
 */
export const preflightLambda = async (options: {
	readonly videos: readonly { readonly script: VideoScript; readonly platform: PlatformName }[];
	readonly outDir: string;
	readonly draft: boolean;
	/** Voices and images are still made here, by these providers. */
	readonly names: ProviderNames;
}): Promise<PreflightReport> => {
	const settings = renderSettings(options.draft);
	const videos = options.videos.map(({ script, platform }) => videoToWrite(script, platform, settings));
	return preflight({ ffmpeg: true, disk: { outDir: options.outDir, neededBytes: estimateRunBytes(videos, 'lambda') }, models: { names: options.names } });
};
