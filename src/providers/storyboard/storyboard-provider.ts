import type { Size } from '../../schema/platforms';

export type StoryboardRequest = {
	readonly sceneId: number;
	/**
	 * The scene's image prompt, with the style suffix and character descriptions already added. The picture
	 * depends on nothing else of the scene, so editing narration or overlay never redraws it.
	 */
	readonly prompt: string;
	/** The script's `style` (informative, story, …) and optional locked `style_prompt`. */
	readonly style: string;
	readonly stylePrompt?: string;
	/** Pixel size to produce: the output size of the aspect ratio, pre-scaled for Ken Burns. */
	readonly size: Size;
	/** 0 for the first take; `--redo N:image` asks for the next one, which should look different. */
	readonly take: number;
};

export type StoryboardResult = {
	readonly image: Uint8Array;
	readonly extension: 'png' | 'jpg' | 'webp';
};

export interface StoryboardProvider {
	readonly name: string;
	readonly model: string;
	/** How many scenes to draw at once; the pipeline uses 2 when absent (remote APIs: 3, as in the seed). */
	readonly maxConcurrency?: number;
	draw(request: StoryboardRequest): Promise<StoryboardResult>;
}
