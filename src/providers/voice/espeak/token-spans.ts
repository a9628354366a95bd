/** Where a token lies in the text, as 0-based code-point indexes of its first and last non-space characters. */
export type TokenSpan = { readonly start: number; readonly end: number };

/**
 * Finds each token of `segmentWords(text)` in the original text. Tokens keep every non-space character
 * of the text in order, so matching those characters one by one is exact; whitespace is skipped.
 */
export const locateTokens = (text: string, tokens: readonly { readonly text: string }[]): TokenSpan[] => {
	const chars = [...text];
	let cursor = 0;
	return tokens.map(({ text: token }) => {
		let start = -1;
		let end = cursor - 1;
		for (const char of token) {
			if (/\s/u.test(char)) continue;
			let at = cursor;
			while (at < chars.length && chars[at] !== char) at++;
			// a character the text lacks (never expected) keeps the token where the previous one ended
			if (at === chars.length) continue;
			if (start < 0) start = at;
			end = at;
			cursor = at + 1;
		}
		return start < 0 ? { start: Math.max(end, 0), end: Math.max(end, 0) } : { start, end };
	});
};
