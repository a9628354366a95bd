/**
 * The speech endpoint takes at most 4096 characters of `input` (the SDK's `SpeechCreateParams.input`:
 * "The maximum length is 4096 characters"); longer input is answered with HTTP 400.
 */
export const MAX_SPEECH_CHARS = 4096;

const CLOSERS = `"'”’）)」』》】`;
/** After 。！？ (Chinese needs no space), or after . ! ? that a space, a closing quote or the end follows ("3.5" stays whole). */
const SENTENCE_END = new RegExp(`(?:[。！？]|[.!?](?=[${CLOSERS}]*(?:\\s|$)))[.!?。！？…]*[${CLOSERS}]*\\s*`, 'gu');
/** Clause punctuation, for a single sentence that is itself too long. */
const CLAUSE_END = new RegExp(`[，、；：,;:](?:[${CLOSERS}]*)\\s*`, 'gu');
/** Spaces, last of all before cutting blindly. */
const SPACE = /\s+/gu;

const LEVELS = [SENTENCE_END, CLAUSE_END, SPACE];

/** The text cut after every match of `pattern`; the parts join back to the text. */
const cutAfter = (text: string, pattern: RegExp): string[] => {
	const parts: string[] = [];
	let start = 0;
	for (const match of text.matchAll(pattern)) {
		const end = match.index + match[0].length;
		if (end > start) {
			parts.push(text.slice(start, end));
			start = end;
		}
	}
	if (start < text.length) parts.push(text.slice(start));
	return parts;
};

/** Pieces of at most `max` UTF-16 units that never split a surrogate pair. */
const cutBlindly = (text: string, max: number): string[] => {
	const parts: string[] = [];
	let current = '';
	for (const char of text) {
		if (current.length + char.length > max) {
			parts.push(current);
			current = '';
		}
		current += char;
	}
	if (current) parts.push(current);
	return parts;
};

/** Units no longer than `max`: sentences, then clauses of over-long sentences, then words, then blind cuts. */
const unitsOf = (text: string, max: number, level: number): string[] => {
	if (text.length <= max) return [text];
	const pattern = LEVELS[level];
	if (!pattern) return cutBlindly(text, max);
	return cutAfter(text, pattern).flatMap((part) => unitsOf(part, max, level + 1));
};

/**
 * Narration cut into pieces the speech endpoint takes: each at most `max` characters (UTF-16 units,
 * which are never fewer than the code points the API counts), cut after sentence ends (Chinese 。！？,
 * Latin . ! ?) and packed greedily, so a piece holds as many whole sentences as fit. Only a sentence
 * longer than `max` is cut inside, at clause punctuation, then spaces. The pieces join back to `text`.
 */
export const splitForSpeech = (text: string, max = MAX_SPEECH_CHARS): string[] => {
	if (text.length <= max) return [text];
	const pieces: string[] = [];
	let current = '';
	for (const unit of unitsOf(text, max, 0)) {
		if (current.length + unit.length > max) {
			pieces.push(current);
			current = '';
		}
		current += unit;
	}
	if (current) pieces.push(current);
	return pieces;
};
