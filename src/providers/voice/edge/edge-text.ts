/**
 * Text as the Edge read-aloud service wants it, following the reference client rany2/edge-tts
 * (src/edge_tts/communicate.py): control characters become spaces, the text is escaped with
 * xml.sax.saxutils.escape (only `& < >`: the service reads `&apos;` aloud as "apos"), and the escaped
 * text goes out in pieces of at most 4096 bytes, since the service silently cuts longer audio.
 */

/** The reference's `split_text_by_byte_length(escape(text), 4096)`. */
export const MAX_TEXT_BYTES = 4096;

/** The service rejects C0 control characters other than tab and line breaks (common in OCR'd text). */
export const cleanText = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');

/** Text content as xml.sax.saxutils.escape writes it: `&`, `<` and `>` only, quotes stay as they are. */
export const escapeText = (text: string): string => text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/** An attribute value between single quotes (the voice name): its quote has to be escaped too. */
export const escapeAttribute = (value: string): string => escapeText(value).replace(/'/g, '&apos;').replace(/"/g, '&quot;');

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** WordBoundary texts come XML-escaped (`AT&amp;T`); named and numeric entities are decoded in one pass. */
export const unescapeXml = (text: string): string =>
	text.replace(
		/&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g,
		(entity, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
			if (name) return NAMED[name]!;
			const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
			return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
		},
	);

const utf8Bytes = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** The longest prefix (in UTF-16 units) of `text` that fits in `maxBytes` of UTF-8, never halving a character. */
const prefixWithin = (text: string, maxBytes: number): number => {
	let bytes = 0;
	let at = 0;
	while (at < text.length) {
		const codePoint = text.codePointAt(at)!;
		bytes += utf8Bytes(codePoint);
		if (bytes > maxBytes) break;
		at += codePoint > 0xffff ? 2 : 1;
	}
	return at;
};

/** Sentence ends: `. ! ? …` before whitespace, or Chinese `。！？` (closing quotes and brackets stay with them). */
const SENTENCE_END = /(?:[.!?…]+["'”’)\]]*(?=\s))|(?:[。！？]+[」』”’）)\]"']*)/gu;
/** Clause ends, for long Chinese sentences without spaces. */
const CLAUSE_END = /[，、；：,;:]/gu;

const lastEnd = (window: string, pattern: RegExp, end: number): number => {
	let best = -1;
	for (const match of window.matchAll(pattern)) {
		const at = match.index + match[0].length;
		if (at <= end) best = at;
	}
	return best;
};

/**
 * Where to cut `text` at or before `end`: a paragraph or sentence end in the window's second half,
 * else a clause end there, else the last space or line break (the reference's choice), else any
 * sentence end, else `end` itself.
 */
const breakWithin = (text: string, end: number): number => {
	const window = text.slice(0, end + 1);
	const half = end / 2;
	const newline = text.lastIndexOf('\n', end - 1);
	if (newline >= half) return newline + 1;
	const sentence = lastEnd(window, SENTENCE_END, end);
	if (sentence >= half) return sentence;
	const clause = lastEnd(window, CLAUSE_END, end);
	if (clause >= half) return clause;
	const space = Math.max(newline, text.lastIndexOf(' ', end - 1), text.lastIndexOf('\t', end - 1));
	if (space > 0) return space + 1;
	if (sentence > 0) return sentence;
	if (clause > 0) return clause;
	return end;
};

/** Moves a cut back before an `&` whose entity would be split (`_adjust_split_point_for_xml_entity`). */
const outsideEntity = (text: string, at: number): number => {
	const ampersand = text.lastIndexOf('&', at - 1);
	if (ampersand < 0 || text.indexOf(';', ampersand) < at) return at;
	return ampersand;
};

/**
 * Escaped text in pieces of at most `maxBytes` UTF-8 bytes, cut preferably at sentence ends (`。！？`
 * too), never inside an entity or a character, trimmed, without empty pieces.
 */
export const splitEscapedText = (escaped: string, maxBytes = MAX_TEXT_BYTES): string[] => {
	const pieces: string[] = [];
	let rest = escaped;
	while (Buffer.byteLength(rest, 'utf8') > maxBytes) {
		const end = prefixWithin(rest, maxBytes);
		let at = outsideEntity(rest, breakWithin(rest, end));
		if (at <= 0) at = Math.max(1, outsideEntity(rest, end));
		const piece = rest.slice(0, at).trim();
		if (piece) pieces.push(piece);
		rest = rest.slice(at);
	}
	const last = rest.trim();
	if (last) pieces.push(last);
	return pieces;
};

/** The narration as the escaped pieces to send, one request each. */
export const edgeTextPieces = (text: string, maxBytes = MAX_TEXT_BYTES): string[] => splitEscapedText(escapeText(cleanText(text)), maxBytes);
