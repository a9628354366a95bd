import type { Sentence } from './sentences';

/** Breath after a scene's speech, included in its scripted duration. */
export const SCENE_PADDING_MS = 800;
/** Seed §2.3: scenes of 5–12 s, so their speech lasts 4.2–11.2 s. */
export const SCENE_MIN_MS = 5_000 - SCENE_PADDING_MS;
export const SCENE_MAX_MS = 12_000 - SCENE_PADDING_MS;
const SCENE_AIM_MS = 7_500;
/** A scene that spans a paragraph break costs as much as being this far from the aim. */
const PARAGRAPH_CROSSING_COST = (3_000 / 1000) ** 2;

const groupCost = (group: readonly Sentence[], ms: number): number => {
	const crossings = group.filter((s, i) => i > 0 && s.paragraph !== group[i - 1]!.paragraph).length;
	return ((ms - SCENE_AIM_MS) / 1000) ** 2 + crossings * PARAGRAPH_CROSSING_COST;
};

/**
 * Groups consecutive sentences into scenes of 5–12 s, as close to 8 s as the sentences allow and
 * preferring paragraph breaks as cuts (a shortest-path over cut points). A single sentence longer than
 * 12 s, or an article shorter than 5 s, becomes a scene of its own.
 */
export const groupScenes = (sentences: readonly Sentence[]): Sentence[][] => {
	const n = sentences.length;
	const prefix = [0];
	for (const s of sentences) prefix.push(prefix.at(-1)! + s.speechMs);
	const best: { cost: number; from: number }[] = [{ cost: 0, from: -1 }];
	for (let end = 1; end <= n; end++) {
		best.push({ cost: Infinity, from: -1 });
		for (let start = end - 1; start >= 0; start--) {
			const ms = prefix[end]! - prefix[start]!;
			const single = end - start === 1;
			const allowed = (ms >= SCENE_MIN_MS && ms <= SCENE_MAX_MS) || (single && ms > SCENE_MAX_MS) || (start === 0 && end === n && ms < SCENE_MIN_MS);
			if (ms > SCENE_MAX_MS && !single) break;
			if (!allowed || best[start]!.cost === Infinity) continue;
			const cost = best[start]!.cost + groupCost(sentences.slice(start, end), ms);
			if (cost < best[end]!.cost) best[end] = { cost, from: start };
		}
		// no valid cut ends here (e.g. short sentences before a long one): allow an undersized scene, at a price
		if (best[end]!.cost === Infinity) {
			const start = end - 1;
			const ms = sentences[start]!.speechMs;
			if (best[start]!.cost !== Infinity) best[end] = { cost: best[start]!.cost + 100 + groupCost([sentences[start]!], ms), from: start };
		}
	}
	const scenes: Sentence[][] = [];
	for (let end = n; end > 0; end = best[end]!.from) scenes.unshift(sentences.slice(best[end]!.from, end));
	return scenes;
};
