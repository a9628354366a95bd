import type { Sentence } from './sentences';

/** Seed §2.3: scenes of 5–12 s. A scene closes once the next sentence would push it past this. */
export const SCENE_MIN_MS = 5_000;
export const SCENE_MAX_MS = 12_000;
const SCENE_AIM_MS = 10_500;

/**
 * Groups consecutive sentences into scenes: a scene takes sentences while it stays under about 10 s,
 * and a scene that is still shorter than 5 s takes one more up to 12 s. A new paragraph is a natural cut.
 */
export const groupScenes = (sentences: readonly Sentence[]): Sentence[][] => {
	const scenes: Sentence[][] = [];
	let current: Sentence[] = [];
	let currentMs = 0;
	for (const sentence of sentences) {
		const combined = currentMs + sentence.speechMs;
		const newParagraph = current.length > 0 && current.at(-1)!.paragraph !== sentence.paragraph;
		const fits = combined <= (currentMs < SCENE_MIN_MS ? SCENE_MAX_MS : SCENE_AIM_MS);
		if (current.length > 0 && (!fits || (newParagraph && currentMs >= SCENE_MIN_MS))) {
			scenes.push(current);
			current = [];
			currentMs = 0;
		}
		current.push(sentence);
		currentMs += sentence.speechMs;
	}
	if (current.length > 0) {
		// a short last scene joins the one before when they fit together
		const last = scenes.at(-1);
		const lastMs = last?.reduce((sum, s) => sum + s.speechMs, 0) ?? 0;
		if (last && currentMs < SCENE_MIN_MS && lastMs + currentMs <= SCENE_MAX_MS) last.push(...current);
		else scenes.push(current);
	}
	return scenes;
};
