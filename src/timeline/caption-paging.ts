import type { CaptionToken } from '../schema/video-props';
import { endsSentence, endsWithOpening, startsWithClosing } from './punctuation';
import { textWidthEm } from './text-width';

export type CaptionLine = { readonly tokens: readonly CaptionToken[]; readonly widthEm: number };
export type CaptionPage = { readonly startMs: number; readonly endMs: number; readonly lines: readonly CaptionLine[] };
export type PagingOptions = { readonly maxLineWidthEm: number; readonly maxLines: number };

/** Text of a line as drawn: the leading space of its first word is not drawn. */
export const lineText = (line: CaptionLine): string => line.tokens.map((t) => t.text).join('').trimStart();

const join = (a: CaptionToken, b: CaptionToken): CaptionToken => ({
	...a,
	text: a.text + b.text,
	endMs: Math.max(a.endMs, b.endMs),
});

/** Keeps punctuation with its word even if a provider sent it as a token of its own. */
const gluePunctuation = (tokens: readonly CaptionToken[]): CaptionToken[] => {
	const units: CaptionToken[] = [];
	for (const token of tokens) {
		const previous = units.at(-1);
		if (previous && (startsWithClosing(token.text) || endsWithOpening(previous.text))) {
			units[units.length - 1] = join(previous, token);
		} else {
			units.push({ ...token });
		}
	}
	return units;
};

/** Whether a line may break between `before` and `after` (no closing punctuation first, no opening last). */
const canBreakBetween = (before: string, after: string) => before !== '' && !startsWithClosing(after) && !endsWithOpening(before);

/** Cuts a word wider than a line into pieces that fit, never starting a piece with closing punctuation. */
const splitWide = (token: CaptionToken, maxEm: number): CaptionToken[] => {
	const chars = [...token.text.trimStart()];
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
		return { ...token, text: index === 0 && token.text.startsWith(' ') ? ` ${text}` : text, startMs, endMs, timestampMs: startMs };
	});
};

const widthOnLine = (token: CaptionToken, lineIsEmpty: boolean) =>
	textWidthEm(lineIsEmpty ? token.text.trimStart() : token.text);

/**
 * Pages word timings into caption pages of at most `maxLines` lines, each at most `maxLineWidthEm` wide.
 * Works for CJK (no spaces) and Latin text alike; a new page starts after the end of a sentence.
 */
export const pageCaptions = (tokens: readonly CaptionToken[], options: PagingOptions): CaptionPage[] => {
	const units = gluePunctuation(tokens).flatMap((t) =>
		textWidthEm(t.text.trimStart()) > options.maxLineWidthEm ? splitWide(t, options.maxLineWidthEm) : [t],
	);
	const pages: CaptionToken[][][] = [];
	let lines: CaptionToken[][] = [];
	let line: CaptionToken[] = [];
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
	return pages.map((pageLines, index) => {
		const first = pageLines[0]![0]!;
		const next = pages[index + 1]?.[0]?.[0];
		const lastTokens = pageLines.at(-1)!;
		return {
			startMs: first.startMs,
			endMs: next ? next.startMs : lastTokens.at(-1)!.endMs,
			lines: pageLines.map((tokensOfLine) => {
				const drawn: CaptionLine = { tokens: tokensOfLine, widthEm: 0 };
				return { tokens: tokensOfLine, widthEm: textWidthEm(lineText(drawn)) };
			}),
		};
	});
};

/** The page on screen at `ms`; the last page stays up until the scene moves on. */
export const pageAt = (pages: readonly CaptionPage[], ms: number): CaptionPage | null => {
	for (let i = pages.length - 1; i >= 0; i--) {
		if (pages[i]!.startMs <= ms) return pages[i]!;
	}
	return null;
};

/** A word stays lit through the short pause after it, so the highlight never blinks off mid-sentence. */
export const HIGHLIGHT_HOLD_MS = 600;

/** The spoken word on a page at `ms`, as [line, token], or null between sentences. */
export const activeToken = (page: CaptionPage, ms: number): readonly [number, number] | null => {
	let found: readonly [number, number] | null = null;
	let foundEnd = 0;
	page.lines.forEach((line, l) =>
		line.tokens.forEach((token, t) => {
			if (token.startMs <= ms) {
				found = [l, t];
				foundEnd = token.endMs;
			}
		}),
	);
	return found !== null && ms < foundEnd + HIGHLIGHT_HOLD_MS ? found : null;
};
