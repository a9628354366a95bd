import type { SpokenWord } from '../align/align-spoken-words';
import { escapeAttribute, unescapeXml } from './edge-text';

export const OUTPUT_FORMAT = 'audio-24khz-48kbitrate-mono-mp3';

/** Dates as JavaScript prints them, which is what Edge sends. */
export const edgeTimestamp = (date: Date): string => {
	const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	const two = (n: number) => String(n).padStart(2, '0');
	return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${two(date.getUTCDate())} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} GMT+0000 (Coordinated Universal Time)`;
};

/** Asks for MP3 audio with a WordBoundary event for every word. */
export const speechConfigMessage = (timestamp: string): string =>
	`X-Timestamp:${timestamp}\r\nContent-Type:application/json; charset=utf-8\r\nPath:speech.config\r\n\r\n` +
	JSON.stringify({
		context: { synthesis: { audio: { metadataoptions: { sentenceBoundaryEnabled: 'false', wordBoundaryEnabled: 'true' }, outputFormat: OUTPUT_FORMAT } } },
	}) +
	'\r\n';

export type Prosody = { readonly rate: string; readonly pitch: string };

/** The reference's `mkssml`; `escapedText` is one piece of `edgeTextPieces`, already escaped. */
export const edgeSsml = (escapedText: string, voiceName: string, locale: string, prosody: Prosody): string =>
	`<speak version='1.0' xmlns='http://www.w3.org/2001/10/synthesis' xml:lang='${escapeAttribute(locale)}'><voice name='${escapeAttribute(voiceName)}'>` +
	`<prosody pitch='${prosody.pitch}' rate='${prosody.rate}' volume='+0%'>${escapedText}</prosody></voice></speak>`;

/** The `Z` after a JavaScript date is what Edge sends too. */
export const ssmlMessage = (requestId: string, timestamp: string, ssml: string): string =>
	`X-RequestId:${requestId}\r\nContent-Type:application/ssml+xml\r\nX-Timestamp:${timestamp}Z\r\nPath:ssml\r\n\r\n${ssml}`;

const parseHeaders = (block: string): Map<string, string> => {
	const headers = new Map<string, string>();
	for (const line of block.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	return headers;
};

/** A text frame: headers, a blank line, a body. */
export const parseTextFrame = (frame: string): { path: string; body: string } => {
	const split = frame.indexOf('\r\n\r\n');
	const headers = parseHeaders(split < 0 ? frame : frame.slice(0, split));
	return { path: headers.get('path') ?? '', body: split < 0 ? '' : frame.slice(split + 4) };
};

/** A binary frame: a big-endian 16-bit header length, the headers, then audio. */
export const parseBinaryFrame = (frame: Buffer): { path: string; audio: Buffer } => {
	if (frame.length < 2) throw new Error('Edge TTS sent a binary frame without a header length');
	const headerLength = frame.readUInt16BE(0);
	if (2 + headerLength > frame.length) throw new Error('Edge TTS sent a binary frame shorter than its headers');
	const headers = parseHeaders(frame.subarray(2, 2 + headerLength).toString('utf8'));
	return { path: headers.get('path') ?? '', audio: frame.subarray(2 + headerLength) };
};

type Metadata = { Metadata?: { Type?: string; Data?: { Offset?: number; Duration?: number; text?: { Text?: string } } }[] };

/** WordBoundary events of an audio.metadata body; offsets and durations come in 100-ns ticks, texts XML-escaped. */
export const wordBoundaries = (body: string): SpokenWord[] =>
	((JSON.parse(body) as Metadata).Metadata ?? []).flatMap((item) => {
		const data = item.Data;
		if (item.Type !== 'WordBoundary' || typeof data?.Offset !== 'number' || typeof data.text?.Text !== 'string') return [];
		const startMs = data.Offset / 10_000;
		return [{ text: unescapeXml(data.text.Text), startMs, endMs: startMs + (data.Duration ?? 0) / 10_000 }];
	});
