import { centrality } from './keywords';
import type { Sentence } from './sentences';

/** Speaking time a scene adds on top of its sentences (the 1–2 s of breathing room a scene keeps after its voice), per sentence on average. */
export const PADDING_MS_PER_SENTENCE = 400;

const costMs = (sentence: Sentence) => sentence.speechMs + PADDING_MS_PER_SENTENCE;

export type Fitted = { readonly kept: Sentence[]; readonly droppedCount: number; readonly fullMs: number };

/**
 * Keeps the article whole when it fits `targetMs`; otherwise an extractive summary: the most central
 * sentences (the opening and paragraph leads count extra) until the time is used, in their original order.
 */
export const fitToDuration = (sentences: readonly Sentence[], targetMs: number | null, locale: string, weights: ReadonlyMap<string, number>): Fitted => {
	const fullMs = sentences.reduce((sum, s) => sum + costMs(s), 0);
	if (targetMs === null || fullMs <= targetMs) return { kept: [...sentences], droppedCount: 0, fullMs };
	const ranked = sentences
		.map((sentence, index) => {
			const lead = index === 0 ? 3 : sentence.position === 0 ? 1.4 : 1;
			return { index, score: centrality(sentence.text, locale, weights) * lead };
		})
		.sort((a, b) => b.score - a.score || a.index - b.index);
	const chosen = new Set<number>();
	let usedMs = 0;
	for (const { index } of ranked) {
		const cost = costMs(sentences[index]!);
		if (usedMs + cost > targetMs) continue;
		chosen.add(index);
		usedMs += cost;
	}
	if (chosen.size === 0) chosen.add(ranked[0]!.index);
	const kept = sentences.filter((_, index) => chosen.has(index));
	return { kept, droppedCount: sentences.length - kept.length, fullMs };
};
