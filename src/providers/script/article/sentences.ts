import { estimateSpeechMs } from '../../../timeline/estimate-captions';

export type Sentence = {
	readonly text: string;
	readonly paragraph: number;
	/** Index of the sentence within its paragraph. */
	readonly position: number;
	readonly speechMs: number;
};

const CLAUSE_END = /(?<=[，、；：,;:—])/u;

/** Longest stretch of speech one sentence may take before it is split at its commas. */
const MAX_SENTENCE_MS = 11_000;

/** Splits at clause punctuation into pieces that each fit, keeping the punctuation on the left piece. */
const splitLong = (text: string, locale: string): string[] => {
	const pieces: string[] = [];
	let current = '';
	for (const clause of text.split(CLAUSE_END)) {
		if (current !== '' && estimateSpeechMs(current + clause, locale) > MAX_SENTENCE_MS) {
			pieces.push(current.trim());
			current = '';
		}
		current += clause;
	}
	if (current.trim() !== '') pieces.push(current.trim());
	return pieces;
};

/** Sentences by Intl.Segmenter (Chinese and English), each with its estimated speaking time. */
export const splitSentences = (paragraphs: readonly string[], locale: string): Sentence[] => {
	const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
	const sentences: Sentence[] = [];
	paragraphs.forEach((paragraph, index) => {
		let position = 0;
		for (const { segment } of segmenter.segment(paragraph)) {
			const text = segment.trim();
			if (text === '' || !/[\p{L}\p{N}]/u.test(text)) continue;
			for (const piece of estimateSpeechMs(text, locale) > MAX_SENTENCE_MS ? splitLong(text, locale) : [text]) {
				sentences.push({ text: piece, paragraph: index, position: position++, speechMs: estimateSpeechMs(piece, locale) });
			}
		}
	});
	return sentences;
};
