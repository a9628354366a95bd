import type { AssetCache, CachedAsset } from '../../cache/asset-cache';
import { cacheKey } from '../../cache/cache-key';
import { imagePromptFor } from '../../providers/storyboard/image-prompt';
import type { Credit, SceneInput, StoryboardProvider, StoryboardResult } from '../../providers/storyboard/storyboard-provider';
import type { Size } from '../../schema/platforms';
import { MAX_CLIP_SECONDS, type SceneScript, type VideoScript } from '../../schema/video-script';
import { KEN_BURNS_MAX_SCALE } from '../../timeline/ken-burns';
import type { AssetEvent, StageStats } from './asset-events';
import { checkClip } from '../media/check-clip';
import { cachedOrGenerate } from './cached-or-generate';
import { sheetsFor, type CharacterSheet } from './character-stage';
import { runSceneStage } from './scene-stage';

/**
 * A scene's picture or clip in the cache. `kind` is absent in entries written before clips existed (pictures);
 * a clip records its probed size and length; stock footage records whom to credit.
 */
export type ImageMeta = {
	readonly width: number;
	readonly height: number;
	readonly provider: string;
	readonly model: string;
	readonly kind?: 'image' | 'video';
	readonly durationMs?: number;
	readonly credit?: Credit;
};

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
	/** The characters' pictures (character-stage.ts): every scene naming one is drawn from it. */
	readonly sheets?: ReadonlyMap<string, CharacterSheet | null>;
};

/** Images are made at output size × the largest Ken Burns zoom, so no frame ever upsamples them. */
export const storyboardSize = ({ width, height }: Size): Size => ({
	width: Math.ceil(width * KEN_BURNS_MAX_SCALE),
	height: Math.ceil(height * KEN_BURNS_MAX_SCALE),
});

/**
 * What a scene's picture is drawn from: nothing else of the scene, so editing narration never redraws it. The
 * scene fields a provider reads beyond the prompt (`sceneInputs`, e.g. stock footage's description and length)
 * join it, and so the cache key; other providers' keys stay as they were.
 */
export const drawingOf = (scene: SceneScript, script: VideoScript, size: Size, inputs: readonly SceneInput[] = []) => ({
	prompt: imagePromptFor(scene, script),
	style: script.style,
	...(script.style_prompt ? { stylePrompt: script.style_prompt } : {}),
	size,
	...(inputs.includes('visualDescription') ? { visualDescription: scene.visual_description.trim() } : {}),
	...(inputs.includes('durationSeconds') ? { durationSeconds: scene.duration } : {}),
});

/**
 * The scene id is not part of the key: the same prompt draws the same picture in any scene. The character
 * pictures it is drawn from are, by content: a new sheet take redraws exactly the scenes naming that character.
 */
export const imageKey = (
	provider: { name: string; model: string },
	drawn: ReturnType<typeof drawingOf>,
	take: number,
	sheets: readonly Pick<CharacterSheet, 'sha256' | 'reference'>[] = [],
): string =>
	cacheKey({
		stage: 'image',
		provider: provider.name,
		model: provider.model,
		input: drawn,
		options: {
			take,
			...(sheets.length > 0 ? { references: sheets.map((s) => ({ name: s.reference.name, index: s.reference.index, sha256: s.sha256 })) } : {}),
		},
	});

/**
 * A picture is made at the requested size. A clip is checked as a person's clip is (a codec every engine
 * decodes, within the size caps, its first frame decodes) and recorded with its probed size and length;
 * one that fails is the provider's failure, and is not cached.
 */
const describeResult = async (result: StoryboardResult, file: string, size: Size, provider: StoryboardProvider): Promise<ImageMeta> => {
	const common = { provider: provider.name, model: provider.model, ...(result.credit ? { credit: result.credit } : {}) };
	if (!('video' in result)) return { ...size, ...common, kind: 'image' };
	const clip = await checkClip(file, 'the clip it returned', 0, MAX_CLIP_SECONDS);
	if ('problem' in clip) throw new Error(`${provider.name} (${provider.model}): ${clip.problem}`);
	return { width: clip.width, height: clip.height, ...common, kind: 'video', durationMs: clip.durationMs };
};

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
			let result: StoryboardResult | undefined;
			const take = input.takeOf(scene.scene_id);
			const drawn = drawingOf(scene, script, size, provider.sceneInputs);
			const sheets = input.sheets ? sheetsFor(scene, script, input.sheets) : [];
			const key = imageKey(provider, drawn, take, sheets);
			const { asset, cached } = await cachedOrGenerate<ImageMeta>(
				cache,
				'image',
				key,
				async () => {
					result = await provider.draw({
						...drawn,
						sceneId: scene.scene_id,
						take,
						...(sheets.length > 0 ? { references: sheets.map((s) => s.reference) } : {}),
					});
					return 'video' in result ? { data: result.video, extension: result.extension } : { data: result.image, extension: result.extension };
				},
				(file) => describeResult(result!, file, size, provider),
			);
			return { value: { asset, take, cached }, cached };
		},
	});
	return { illustrated: results, stats };
};
