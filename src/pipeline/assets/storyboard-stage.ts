import type { AssetCache, CachedAsset } from '../../cache/asset-cache';
import { cacheKey } from '../../cache/cache-key';
import { imagePromptFor } from '../../providers/storyboard/image-prompt';
import type { StoryboardProvider, StoryboardResult } from '../../providers/storyboard/storyboard-provider';
import type { Size } from '../../schema/platforms';
import type { SceneScript, VideoScript } from '../../schema/video-script';
import { KEN_BURNS_MAX_SCALE } from '../../timeline/ken-burns';
import type { AssetEvent, StageStats } from './asset-events';
import { cachedOrGenerate } from './cached-or-generate';
import { runSceneStage } from './scene-stage';

export type ImageMeta = { readonly width: number; readonly height: number; readonly provider: string; readonly model: string };

export type IllustratedScene = { readonly asset: CachedAsset<ImageMeta>; readonly take: number; readonly cached: boolean };

export type StoryboardStageInput = {
	readonly script: VideoScript;
	/** Scenes that need an image (those without one of their own). */
	readonly sceneIds: ReadonlySet<number>;
	readonly outputSize: Size;
	readonly provider: StoryboardProvider;
	readonly cache: AssetCache;
	readonly takeOf: (sceneId: number) => number;
	readonly concurrency: number;
	readonly onEvent?: (event: AssetEvent) => void;
};

/** Images are made at output size × the largest Ken Burns zoom, so no frame ever upsamples them. */
export const storyboardSize = ({ width, height }: Size): Size => ({
	width: Math.ceil(width * KEN_BURNS_MAX_SCALE),
	height: Math.ceil(height * KEN_BURNS_MAX_SCALE),
});

/** What a scene's picture is drawn from: nothing else of the scene, so editing narration never redraws it. */
export const drawingOf = (scene: SceneScript, script: VideoScript, size: Size) => ({
	prompt: imagePromptFor(scene, script),
	style: script.style,
	...(script.style_prompt ? { stylePrompt: script.style_prompt } : {}),
	size,
});

/** The scene id is not part of the key: the same prompt draws the same picture in any scene. */
export const imageKey = (provider: { name: string; model: string }, drawn: ReturnType<typeof drawingOf>, take: number): string =>
	cacheKey({ stage: 'image', provider: provider.name, model: provider.model, input: drawn, options: { take } });

export const runStoryboardStage = async (input: StoryboardStageInput): Promise<{ illustrated: Map<number, IllustratedScene>; stats: StageStats }> => {
	const { provider, cache, script } = input;
	const size = storyboardSize(input.outputSize);
	const { results, stats } = await runSceneStage<IllustratedScene>({
		stage: 'storyboard',
		provider,
		scenes: script.scenes.filter((s) => input.sceneIds.has(s.scene_id)),
		concurrency: input.concurrency,
		...(input.onEvent ? { onEvent: input.onEvent } : {}),
		resolve: async (scene) => {
			const take = input.takeOf(scene.scene_id);
			const drawn = drawingOf(scene, script, size);
			const key = imageKey(provider, drawn, take);
			const { asset, cached } = await cachedOrGenerate<ImageMeta>(
				cache,
				'image',
				key,
				async () => {
					const result: StoryboardResult = await provider.draw({ ...drawn, sceneId: scene.scene_id, take });
					return { data: result.image, extension: result.extension };
				},
				() => ({ ...size, provider: provider.name, model: provider.model }),
			);
			return { value: { asset, take, cached }, cached };
		},
	});
	return { illustrated: results, stats };
};
