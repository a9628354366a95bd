import { endsSentence } from '../../../timeline/punctuation';

/** Google rejects input of 5,000 bytes or more per request. */
export const MAX_SSML_BYTES = 5000;

/** The mark before token `k`; `END_MARK` closes every part, so its last word has an end. */
export const markName = (k: number): string => `w${k}`;
export const END_MARK = 'end';

export type SsmlPart = { readonly ssml: string; readonly first: number; readonly count: number };

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const CLAUSE_END = /[，、；：,;:—]$/u;

/** Plain text (for voices that take no SSML) split like SSML: `text` is the tokens `first … first+count-1` joined. */
export type TextPart = { readonly text: string; readonly first: number; readonly count: number };

/**
 * Pieces wrapped in `open … close`, split at token boundaries into parts under `maxBytes` of UTF-8.
 * A part ends at a sentence end when one falls in its second half, else at a clause end, else where it is full.
 */
const splitParts = (tokens: readonly string[], pieces: readonly string[], open: string, close: string, maxBytes: number, what: string) => {
	const sizes = pieces.map((piece) => Buffer.byteLength(piece, 'utf8'));
	const overhead = Buffer.byteLength(open + close, 'utf8');
	const parts: { readonly body: string; readonly first: number; readonly count: number }[] = [];
	for (let first = 0; first < tokens.length;) {
		let end = first;
		let bytes = overhead;
		while (end < tokens.length && bytes + sizes[end]! < maxBytes) bytes += sizes[end++]!;
		if (end === first) throw new Error(`a word is too long for one Google TTS request (${sizes[first]} bytes of ${what})`);
		if (end < tokens.length) {
			const half = (maxBytes - overhead) / 2;
			const cutAfter = (test: (token: string) => boolean) => {
				let size = bytes - overhead;
				for (let cut = end; cut > first && size >= half; cut--) {
					if (test(tokens[cut - 1]!)) return cut;
					size -= sizes[cut - 1]!;
				}
				return null;
			};
			end = cutAfter(endsSentence) ?? cutAfter((token) => CLAUSE_END.test(token.trimEnd())) ?? end;
		}
		parts.push({ body: open + pieces.slice(first, end).join('') + close, first, count: end - first });
		first = end;
	}
	return parts;
};

/** SSML with a mark before every token, split into parts under `maxBytes` of UTF-8 (see `splitParts`). */
export const buildSsmlParts = (tokens: readonly string[], maxBytes = MAX_SSML_BYTES): SsmlPart[] => {
	const pieces = tokens.map((token, k) => `<mark name="${markName(k)}"/>${escapeXml(token)}`);
	return splitParts(tokens, pieces, '<speak>', `<mark name="${END_MARK}"/></speak>`, maxBytes, 'SSML').map(({ body, first, count }) => ({
		ssml: body,
		first,
		count,
	}));
};

/** The tokens as plain text (no marks, no escaping), split into parts under `maxBytes` of UTF-8 like SSML. */
export const buildTextParts = (tokens: readonly string[], maxBytes = MAX_SSML_BYTES): TextPart[] =>
	splitParts(tokens, tokens, '', '', maxBytes, 'text').map(({ body, first, count }) => ({ text: body, first, count }));
