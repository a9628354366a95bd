import { segmentWords } from '../../../timeline/words';
import type { SpokenWord } from '../align/align-spoken-words';
import { timeFromSpoken } from '../align/time-from-spoken';
import type { TimingMethod, WordTiming } from '../voice-provider';

/** One request's share of the narration: its text as written, its word boundaries and audio length, from its own start. */
export type EdgePiece = { readonly text: string; readonly spoken: readonly SpokenWord[]; readonly durationMs: number };

const shift = (word: SpokenWord, byMs: number): SpokenWord => ({ text: word.text, startMs: word.startMs + byMs, endMs: word.endMs + byMs });

/**
 * Times the whole script from pieces spoken one after another. Each piece is aligned on its own (the
 * character aligner gives up on very long texts) and moved by the audio before it; the words are the
 * script's own tokens. When the pieces' tokens do not add up to the script's (a cut inside a word),
 * the whole script is aligned against all the boundaries at once instead.
 */
export const timeEdgePieces = (text: string, language: string, pieces: readonly EdgePiece[]): { words: WordTiming[]; timing: TimingMethod } => {
	const totalMs = pieces.reduce((sum, piece) => sum + piece.durationMs, 0);
	const whole = () => {
		let offsetMs = 0;
		const spoken = pieces.flatMap((piece) => {
			const moved = piece.spoken.map((word) => shift(word, offsetMs));
			offsetMs += piece.durationMs;
			return moved;
		});
		return timeFromSpoken({ text, language, spoken, durationMs: totalMs }, 'provider');
	};
	if (pieces.length <= 1) return whole();

	const tokens = segmentWords(text, language).map((token) => token.text);
	const timed = pieces.map((piece) => timeFromSpoken({ text: piece.text, language, spoken: piece.spoken, durationMs: piece.durationMs }, 'provider'));
	const flat = timed.flatMap((piece) => piece.words);
	if (flat.length !== tokens.length || flat.some((word, i) => word.text.trim() !== tokens[i]!.trim())) return whole();

	let offsetMs = 0;
	const words = timed.flatMap((piece, k) => {
		const moved = piece.words.map((word) => ({ startMs: word.startMs + offsetMs, endMs: word.endMs + offsetMs }));
		offsetMs += pieces[k]!.durationMs;
		return moved;
	});
	return {
		words: words.map((span, i) => ({ text: tokens[i]!, ...span })),
		timing: timed.every((piece) => piece.timing === 'provider') ? 'provider' : 'estimated',
	};
};
