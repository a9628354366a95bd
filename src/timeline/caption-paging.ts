import type { WordTiming } from '../schema/video-props';
import { endsSentence, endsWithOpening, startsWithClosing } from './punctuation';
import { textWidthEm } from './text-width';

export type CaptionLine = { readonly tokens: readonly WordTiming[]; readonly widthEm: number };
export type CaptionPage = { readonly startMs: number; readonly lines: readonly CaptionLine[] };
export type PagingOptions = { readonly maxLineWidthEm: number; readonly maxLines: number };

/** A word as drawn: the leading space of a line's first word is not drawn (nor measured). */
export const drawnText = (text: string, firstOnLine: boolean): string => (firstOnLine ? text.trimStart() : text);

/** The words of a line as drawn. */
export const drawnWords = (tokens: readonly WordTiming[]): string[] => tokens.map((t, i) => drawnText(t.text, i === 0));

/** Text of a line as drawn. */
export const lineText = (line: CaptionLine): string => drawnWords(line.tokens).join('');

const join = (a: WordTiming, b: WordTiming): WordTiming => ({ text: a.text + b.text, startMs: a.startMs, endMs: Math.max(a.endMs, b.endMs) });

/** Keeps punctuation with its word even if a provider sent it as a token of its own. */
const gluePunctuation = (tokens: readonly WordTiming[]): WordTiming[] => {
	const units: WordTiming[] = [];
	for (const token of tokens) {
		const previous = units.at(-1);
		if (previous && (startsWithClosing(token.text) || endsWithOpening(previous.text))) {
			units[units.length - 1] = join(previous, token);
		} else {
			units.push({ text: token.text, startMs: token.startMs, endMs: token.endMs });
		}
	}
	return units;
};

/** Whether a line may break between `before` and `after` (no closing punctuation first, no opening last). */
const canBreakBetween = (before: string, after: string) => before !== '' && !startsWithClosing(after) && !endsWithOpening(before);

/** Cuts a word wider than a line into pieces that fit, never starting a piece with closing punctuation. */
const splitWide = (token: WordTiming, maxEm: number): WordTiming[] => {
	const chars = [...drawnText(token.text, true)];
	const pieces: string[] = [];
	let current: string[] = [];
	for (const char of chars) {
		if (current.length > 0 && textWidthEm(current.join('') + char) > maxEm) {
			// Break before `char` if allowed; else at the last allowed place inside the piece, so that
			// closing punctuation takes a character with it to the next piece instead of overflowing.
			let at = current.length;
			while (at > 0 && !canBreakBetween(current.slice(0, at).join(''), [...current.slice(at), char].join(''))) at--;
			if (at > 0) {
				pieces.push(current.slice(0, at).join(''));
				current = current.slice(at);
			}
		}
		current.push(char);
	}
	if (current.length > 0) pieces.push(current.join(''));
	const span = token.endMs - token.startMs;
	const total = chars.length;
	let done = 0;
	return pieces.map((text, index) => {
		const startMs = token.startMs + Math.round((span * done) / total);
		done += [...text].length;
		const endMs = token.startMs + Math.round((span * done) / total);
		return { text: index === 0 && token.text.startsWith(' ') ? ` ${text}` : text, startMs, endMs };
	});
};

const widthOnLine = (token: WordTiming, lineIsEmpty: boolean) => textWidthEm(drawnText(token.text, lineIsEmpty));

/**
 * Pages word timings into caption pages of at most `maxLines` lines, each at most `maxLineWidthEm` wide.
 * Works for CJK (no spaces) and Latin text alike; a new page starts after the end of a sentence.
 */
export const pageCaptions = (tokens: readonly WordTiming[], options: PagingOptions): CaptionPage[] => {
	const units = gluePunctuation(tokens).flatMap((t) => (widthOnLine(t, true) > options.maxLineWidthEm ? splitWide(t, options.maxLineWidthEm) : [t]));
	const pages: WordTiming[][][] = [];
	let lines: WordTiming[][] = [];
	let line: WordTiming[] = [];
	let lineWidth = 0;
	const closeLine = () => {
		if (line.length > 0) lines.push(line);
		line = [];
		lineWidth = 0;
	};
	const closePage = () => {
		closeLine();
		if (lines.length > 0) pages.push(lines);
		lines = [];
	};
	for (const unit of units) {
		const width = widthOnLine(unit, line.length === 0);
		if (line.length > 0 && lineWidth + width > options.maxLineWidthEm) {
			closeLine();
			if (lines.length >= options.maxLines) closePage();
		}
		const placed = widthOnLine(unit, line.length === 0);
		line.push(unit);
		lineWidth += placed;
		if (endsSentence(unit.text)) closePage();
	}
	closePage();
	return pages.map((pageLines) => ({
		startMs: pageLines[0]![0]!.startMs,
		lines: pageLines.map((tokensOfLine) => ({ tokens: tokensOfLine, widthEm: textWidthEm(drawnWords(tokensOfLine).join('')) })),
	}));
};
