import { segmentWords } from '../../../timeline/words';
import type { WordTiming } from '../voice-provider';
import { locateTokens } from './token-spans';

/** An eSpeak word event: where the word starts in the text (1-based code point) and in the audio (ms). */
export type WordEvent = { readonly textPosition: number; readonly audioMs: number };

export type AlignInput = {
	readonly text: string;
	readonly language: string;
	readonly events: readonly WordEvent[];
	/** Where speech stops, trailing silence excluded. */
	readonly speechEndMs: number;
	readonly durationMs: number;
};

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
const spokenWeight = (token: string) => Math.max(1, [...token].filter((c) => /[\p{L}\p{N}]/u.test(c)).length);

/**
 * Times the tokens of `segmentWords(text, language)` from eSpeak's word events. A token starts at the
 * first event inside it (several events, e.g. a number read as several words, collapse into one);
 * tokens without an event share the gap to the next timed token by their letter count. A word ends
 * where the next begins, and the last one where speech ends.
 */
export const alignWordEvents = (input: AlignInput): WordTiming[] => {
	const tokens = segmentWords(input.text, input.language);
	if (tokens.length === 0) return [];
	const spans = locateTokens(input.text, tokens);
	const durationMs = Math.max(0, input.durationMs);

	const anchors: (number | undefined)[] = tokens.map(() => undefined);
	for (const event of input.events) {
		const position = event.textPosition - 1;
		// an event in the whitespace before a token belongs to that token
		const found = spans.findIndex((span) => span.end >= position);
		const index = found < 0 ? tokens.length - 1 : found;
		anchors[index] = Math.min(anchors[index] ?? Infinity, clamp(event.audioMs, 0, durationMs));
	}
	anchors[0] ??= 0;
	let latest = 0;
	for (let k = 0; k < anchors.length; k++) {
		const anchor = anchors[k];
		if (anchor !== undefined) anchors[k] = latest = Math.max(anchor, latest);
	}
	const endMs = clamp(Math.max(input.speechEndMs, latest), 0, durationMs);

	const weights = tokens.map((token) => spokenWeight(token.text));
	const starts: number[] = [];
	let from = 0;
	while (from < tokens.length) {
		let to = from + 1;
		while (to < tokens.length && anchors[to] === undefined) to++;
		const startMs = anchors[from]!;
		const stopMs = to < tokens.length ? anchors[to]! : endMs;
		const total = weights.slice(from, to).reduce((sum, w) => sum + w, 0);
		let done = 0;
		for (let k = from; k < to; k++) {
			starts.push(startMs + ((stopMs - startMs) * done) / total);
			done += weights[k]!;
		}
		from = to;
	}

	const limit = Math.floor(durationMs);
	const ms = (value: number) => Math.min(Math.round(value), limit);
	return tokens.map((token, k) => ({ text: token.text, startMs: ms(starts[k]!), endMs: ms(starts[k + 1] ?? endMs) }));
};
