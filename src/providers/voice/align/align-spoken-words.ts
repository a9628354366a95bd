import { segmentWords } from '../../../timeline/words';
import type { WordTiming } from '../voice-provider';
import { alignChars } from './align-chars';
import { normalizeChars } from './normalize-chars';
import { timeTokens, type Span } from './time-tokens';

/** A word as a recogniser or a synthesiser reported it: its own spelling, its place in the audio. */
export type SpokenWord = { readonly text: string; readonly startMs: number; readonly endMs: number };

export type AlignInput = {
	readonly text: string;
	readonly language: string;
	readonly spoken: readonly SpokenWord[];
	readonly durationMs: number;
};

export type Alignment = {
	readonly words: WordTiming[];
	/** Share of the script's letters and digits that met the same character in the spoken words, 0–1. */
	readonly matchedShare: number;
};

/**
 * Spoken characters that line up with nothing (the 百分之 of 百分之二十 for a written 20%) belong to a
 * neighbouring token that did not match exactly, when one does; between two exact tokens they are left
 * as a gap (a filler word, a breath).
 */
const claimUnpairedSpeech = (
	pairs: Int32Array,
	written: readonly string[],
	spoken: readonly string[],
	owners: readonly number[],
	tokenCount: number,
	claim: (token: number, spokenIndex: number) => void,
) => {
	const exact = new Array<boolean>(tokenCount).fill(true);
	const ownerOf = new Int32Array(spoken.length).fill(-1);
	pairs.forEach((j, i) => {
		if (j < 0 || written[i] !== spoken[j]) exact[owners[i]!] = false;
		if (j >= 0) ownerOf[j] = owners[i]!;
	});
	for (let from = 0; from < spoken.length;) {
		if (ownerOf[from]! >= 0) {
			from++;
			continue;
		}
		let to = from;
		while (to < spoken.length && ownerOf[to]! < 0) to++;
		const before = from > 0 ? ownerOf[from - 1]! : -1;
		const after = to < spoken.length ? ownerOf[to]! : -1;
		const toBefore = before >= 0 && !exact[before];
		const toAfter = after >= 0 && !exact[after];
		const split = toBefore && toAfter ? Math.round((from + to) / 2) : toAfter ? from : to;
		for (let j = from; j < to; j++) {
			if (j < split && toBefore) claim(before, j);
			else if (j >= split && toAfter) claim(after, j);
		}
		from = to;
	}
};

/**
 * Puts spoken words back onto the script's own tokens. Both sides are compared character by character
 * (recognisers split Chinese differently from Intl.Segmenter), each script token takes the span of the
 * spoken characters it lines up with, and tokens that line up with nothing are interpolated.
 */
export const alignSpokenWords = (input: AlignInput): Alignment => {
	const tokens = segmentWords(input.text, input.language).map((token) => token.text);
	const written: string[] = [];
	const owners: number[] = [];
	tokens.forEach((token, k) => {
		for (const char of normalizeChars(token)) {
			written.push(char);
			owners.push(k);
		}
	});
	const spoken: string[] = [];
	const times: Span[] = [];
	for (const word of input.spoken) {
		const chars = normalizeChars(word.text);
		const startMs = word.startMs;
		const lengthMs = Math.max(0, word.endMs - startMs);
		chars.forEach((char, j) => {
			spoken.push(char);
			times.push({ startMs: startMs + (lengthMs * j) / chars.length, endMs: startMs + (lengthMs * (j + 1)) / chars.length });
		});
	}

	const pairing = written.length > 0 ? alignChars(written, spoken) : null;
	const spans: (Span | undefined)[] = tokens.map(() => undefined);
	if (pairing) {
		const widen = (k: number, time: Span) => {
			const span = spans[k];
			spans[k] = span ? { startMs: Math.min(span.startMs, time.startMs), endMs: Math.max(span.endMs, time.endMs) } : time;
		};
		pairing.pairs.forEach((j, i) => {
			if (j >= 0) widen(owners[i]!, times[j]!);
		});
		claimUnpairedSpeech(pairing.pairs, written, spoken, owners, tokens.length, (k, j) => widen(k, times[j]!));
	}
	const matchedShare = written.length === 0 ? 1 : pairing ? pairing.matches / written.length : 0;
	return { words: timeTokens(tokens, spans, input.durationMs), matchedShare };
};
