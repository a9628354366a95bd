import { fnv1a } from '../../../timeline/hash';
import type { StoryboardRequest } from '../storyboard-provider';

/** SiliconFlow takes seeds in 0 < seed < 9999999999. */
export const MAX_SEED = 9_999_999_998;

/**
 * One seed per look, not per scene (the cheapest way to keep a series of pictures in one style): every scene sharing a style prompt is rolled from the same
 * noise, which keeps palette and rendering closer than the prompt suffix alone. The take is added so
 * `--redo` gives a fresh roll of the same scene.
 */
export const styleSeed = (request: Pick<StoryboardRequest, 'style' | 'stylePrompt' | 'take'>, fixed?: number): number => {
	const base = fixed ?? fnv1a(request.stylePrompt?.trim() || request.style);
	const take = Number.isFinite(request.take) ? Math.max(0, Math.floor(request.take)) : 0;
	return ((base + take - 1 + MAX_SEED) % MAX_SEED) + 1;
};
