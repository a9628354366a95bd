import type { AssetCache, CachedAsset } from '../../cache/asset-cache';
import { cacheKey } from '../../cache/cache-key';
import { imagePromptFor } from '../../providers/storyboard/image-prompt';
import type { StoryboardProvider, StoryboardResult } from '../../providers/storyboard/storyboard-provider';
import type { Size } from '../../schema/platforms';
import type { VideoScript } from '../../schema/video-script';
import { KEN_BURNS_MAX_SCALE } from '../../timeline/ken-burns';
import type { AssetEvent, StageStats } from './asset-events';
import { cachedOrGenerate } from './cached-or-generate';
import { mapLimited } from './map-limited';

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

export const runStoryboardStage = async (
	input: StoryboardStageInput,
): Promise<{ illustrated: Map<number, IllustratedScene>; stats: StageStats }> => {
	const started = performance.now();
	const { provider, cache, script } = input;
	const size = storyboardSize(input.outputSize);
	const scenes = script.scenes.filter((s) => input.sceneIds.has(s.scene_id));
	const stats: StageStats = { generated: 0, cached: 0, ms: 0 };
	const illustrated = new Map<number, IllustratedScene>();
	let done = 0;
	await mapLimited(scenes, input.concurrency, async (scene) => {
		const sceneStarted = performance.now();
		const take = input.takeOf(scene.scene_id);
		const request = {
			sceneId: scene.scene_id,
			prompt: imagePromptFor(scene, script),
			style: script.style,
			...(script.style_prompt ? { stylePrompt: script.style_prompt } : {}),
			size,
			take,
		};
		const key = cacheKey({ stage: 'image', provider: provider.name, model: provider.model, input: request, options: { take } });
		const { asset, cached } = await cachedOrGenerate<ImageMeta>(
			cache,
			'image',
			key,
			async () => {
				const result: StoryboardResult = await provider.draw(request);
				return { data: result.image, extension: result.extension };
			},
			() => ({ ...size, provider: provider.name, model: provider.model }),
		);
		stats[cached ? 'cached' : 'generated']++;
		illustrated.set(scene.scene_id, { asset, take, cached });
		input.onEvent?.({
			stage: 'storyboard',
			sceneId: scene.scene_id,
			status: cached ? 'cached' : 'generated',
			done: ++done,
			total: scenes.length,
			ms: performance.now() - sceneStarted,
		});
	});
	stats.ms = Math.round(performance.now() - started);
	return { illustrated, stats };
};
