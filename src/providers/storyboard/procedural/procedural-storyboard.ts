import type { StoryboardImage, StoryboardProvider } from '../storyboard-provider';
import { drawScene } from './draw-scene';

/** Bump whenever the drawing changes: the model is part of the storyboard cache key. */
export const PROCEDURAL_MODEL = 'procedural-v1';

/** Offline storyboard: a designed, deterministic illustration per scene, no network and no model weights. */
export const createProceduralStoryboard = (): StoryboardProvider<StoryboardImage> => ({
	name: 'procedural',
	model: PROCEDURAL_MODEL,
	// it reads the characters' names and descriptions, not the pictures' pixels
	takesReferences: true,
	draw: async (request) => ({ image: await drawScene(request), extension: 'jpg' }),
});
