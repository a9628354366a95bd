import { CLOSING_PUNCTUATION, OPENING_PUNCTUATION } from './punctuation';

/** A spoken unit of narration with its punctuation attached; Latin words after a space carry a leading space. */
export type WordToken = { readonly text: string };

const segmenters = new Map<string, Intl.Segmenter>();
const segmenterFor = (locale: string) => {
	let segmenter = segmenters.get(locale);
	if (!segmenter) {
		segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
		segmenters.set(locale, segmenter);
	}
	return segmenter;
};

/**
 * Splits narration into words with Intl.Segmenter (CJK has no spaces). Closing punctuation joins the
 * word before it and opening punctuation the word after it, so captions never break between them.
 * Concatenating the tokens gives back the text with runs of whitespace collapsed.
 */
export const segmentWords = (text: string, locale: string): WordToken[] => {
	const tokens: string[] = [];
	let pendingSpace = false;
	let pendingOpen = '';
	for (const { segment, isWordLike } of segmenterFor(locale).segment(text.trim())) {
		if (/^\s+$/u.test(segment)) {
			pendingSpace = true;
			continue;
		}
		const isOpening = !isWordLike && [...segment].every((c) => OPENING_PUNCTUATION.includes(c));
		const attachesBack =
			!isWordLike && !isOpening && tokens.length > 0 && pendingOpen === '' && (!pendingSpace || [...segment].every((c) => CLOSING_PUNCTUATION.includes(c)));
		if (attachesBack) {
			// keep the space of "word — word": closing punctuation joins the word before it, but the text stays as written
			tokens[tokens.length - 1] += (pendingSpace ? ' ' : '') + segment;
		} else if (isOpening) {
			pendingOpen += (pendingSpace && tokens.length > 0 && pendingOpen === '' ? ' ' : '') + segment;
		} else {
			const space = pendingSpace && tokens.length > 0 && pendingOpen === '' ? ' ' : '';
			tokens.push(space + pendingOpen + segment);
			pendingOpen = '';
		}
		pendingSpace = false;
	}
	if (pendingOpen !== '') {
		if (tokens.length > 0) tokens[tokens.length - 1] += pendingOpen;
		else tokens.push(pendingOpen);
	}
	return tokens.map((t) => ({ text: t }));
};
