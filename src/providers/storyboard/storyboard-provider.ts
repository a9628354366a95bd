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
	/** The scene's own `visual_description`, without style or characters; only for providers keyed on it. */
	readonly visualDescription?: string;
	/** The scene's scripted length; only for providers keyed on it. */
	readonly durationSeconds?: number;
	/**
	 * Pictures of the characters the scene names (a supplied `reference` or a generated character sheet), in the
	 * script's order: the provider draws the scene from them where its model takes input images.
	 */
	readonly references?: readonly CharacterReference[];
	/** Set when drawing a character sheet: the character alone, which the scenes naming it are then drawn from. */
	readonly sheetOf?: { readonly name: string; readonly description: string };
};

/** A picture of one character, sent along with the prompt of every scene that names it. */
export type CharacterReference = {
	readonly name: string;
	/** The script's description: offline providers draw the character from it. */
	readonly description: string;
	/** The character's place in the script's list: offline drawings stand it in that column of the frame. */
	readonly index?: number;
	readonly image: Uint8Array;
	readonly extension: 'png' | 'jpg' | 'webp';
};

/** Scene fields beyond the prompt that a provider may read; each one it reads is part of its cache key. */
export type SceneInput = 'visualDescription' | 'durationSeconds';

/** Who made a stock picture or clip, as its library asks to be credited. */
export type Credit = {
	readonly provider: 'Pexels';
	readonly author: string;
	readonly authorUrl: string;
	/** The picture's or clip's own page. */
	readonly sourceUrl: string;
	/** e.g. "Video by Jane Doe on Pexels". */
	readonly text: string;
};

export type StoryboardImage = {
	readonly image: Uint8Array;
	readonly extension: 'png' | 'jpg' | 'webp';
	readonly credit?: Credit;
};

/** A clip shown instead of a picture; the renderer loops it when the scene is longer. */
export type StoryboardVideo = {
	readonly video: Uint8Array;
	readonly extension: 'mp4';
	readonly credit?: Credit;
};

export type StoryboardResult = StoryboardImage | StoryboardVideo;

export interface StoryboardProvider<R extends StoryboardResult = StoryboardResult> {
	readonly name: string;
	readonly model: string;
	/** How many scenes to draw at once; the pipeline uses 2 when absent (remote APIs: 3, as in the seed). */
	readonly maxConcurrency?: number;
	/** The scene fields beyond the prompt that `draw` reads (absent: none); the pipeline keys the cache on them. */
	readonly sceneInputs?: readonly SceneInput[];
	/**
	 * Whether `draw` uses `references` (character pictures). When absent or false, no character sheet is made
	 * and scenes are drawn from the characters' descriptions alone.
	 */
	readonly takesReferences?: boolean;
	draw(request: StoryboardRequest): Promise<R>;
}
