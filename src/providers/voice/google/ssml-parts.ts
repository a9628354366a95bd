import { endsSentence } from '../../../timeline/punctuation';

/** Google rejects input of 5,000 bytes or more per request. */
export const MAX_SSML_BYTES = 5000;

/** The mark before token `k`; `END_MARK` closes every part, so its last word has an end. */
export const markName = (k: number): string => `w${k}`;
export const END_MARK = 'end';

export type SsmlPart = { readonly ssml: string; readonly first: number; readonly count: number };

const escapeXml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const CLAUSE_END = /[，、；：,;:—]$/u;

/**
 * SSML with a mark before every token, split at token boundaries into parts under `maxBytes` of UTF-8.
 * A part ends at a sentence end when one falls in its second half, else at a clause end, else where it is full.
 */
export const buildSsmlParts = (tokens: readonly string[], maxBytes = MAX_SSML_BYTES): SsmlPart[] => {
	const open = '<speak>';
	const close = `<mark name="${END_MARK}"/></speak>`;
	const pieces = tokens.map((token, k) => `<mark name="${markName(k)}"/>${escapeXml(token)}`);
	const sizes = pieces.map((piece) => Buffer.byteLength(piece, 'utf8'));
	const overhead = Buffer.byteLength(open + close, 'utf8');
	const parts: SsmlPart[] = [];
	for (let first = 0; first < tokens.length; ) {
		let end = first;
		let bytes = overhead;
		while (end < tokens.length && bytes + sizes[end]! < maxBytes) bytes += sizes[end++]!;
		if (end === first) throw new Error(`a word is too long for one Google TTS request (${sizes[first]} bytes of SSML)`);
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
		parts.push({ ssml: open + pieces.slice(first, end).join('') + close, first, count: end - first });
		first = end;
	}
	return parts;
};
