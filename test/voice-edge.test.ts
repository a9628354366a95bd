import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { mp3DurationMs } from '../src/providers/voice/audio/mp3-duration';
import { createEdgeVoice, type EdgeVoiceOptions } from '../src/providers/voice/edge/edge-voice';
import { wordBoundaries } from '../src/providers/voice/edge/edge-messages';
import { edgeTextPieces, splitEscapedText } from '../src/providers/voice/edge/edge-text';
import { timeEdgePieces } from '../src/providers/voice/edge/edge-timing';
import { edgeLongVoiceName, edgeVoiceFor } from '../src/providers/voice/edge/edge-voice-name';
import { secMsGec } from '../src/providers/voice/edge/sec-ms-gec';
import { expectScriptWords, probeAudio, rejectionOf, silentMp3, wordOf } from './helpers/voice-audio';

const PATH = '/consumer/speech/synthesize/readaloud/edge/v1';
const FAST = { baseDelayMs: 1, maxDelayMs: 5 };
const WORD_MS = 100;
const LEAD_MS = 50;
const FRAME_MS = 24;

/** What one connection is answered with: a refused upgrade, silence, a drop mid-stream, or speech. */
type Script = { status?: number; headers?: Record<string, string>; hang?: boolean; dropAfterAudio?: boolean };

/** `spoken`: the words the fake said (as written, unescaped); `durationMs`: the length of its audio. */
type Connection = { url: URL; headers: IncomingMessage['headers']; texts: string[]; spoken: string[]; durationMs: number };

/**
 * The reference client, rany2/edge-tts src/edge_tts/communicate.py, sends text escaped with
 * xml.sax.saxutils.escape (`& < >` only), in pieces of at most 4096 bytes (split_text_by_byte_length),
 * and unescapes WordBoundary texts (__parse_metadata), because the service reports them escaped.
 */
const MAX_TEXT_BYTES = 4096;

/**
 * The words Edge reports for an SSML text: its word-like segments as written, punctuation left out,
 * `AT&T` as one word and a lone `&`, `<` or `>` as a word of its own (it is read aloud).
 */
const boundariesOf = (text: string, locale: string) => {
	const segments = [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)];
	const words: string[] = [];
	segments.forEach(({ segment, isWordLike }, i) => {
		const joined = i >= 2 && isWordLike && segments[i - 1]!.segment === '&' && segments[i - 2]!.isWordLike;
		if (joined) words[words.length - 1] += `&${segment}`;
		else if (isWordLike) words.push(segment);
		else if (/^[&<>]$/.test(segment) && !(segment === '&' && segments[i - 1]?.isWordLike && segments[i + 1]?.isWordLike)) words.push(segment);
	});
	return words;
};

/** The service's own escaping of a WordBoundary text. */
const escapeXml = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/**
 * What the service makes of the SSML text: `&amp; &lt; &gt;` decoded, but `&apos;`/`&quot;` read aloud
 * ("apos"), which is why the reference never sends them; anything past the size the reference keeps
 * to is cut off silently.
 */
const serviceReading = (escaped: string, problems: string[]) => {
	let text = escaped;
	if (/&(apos|quot);/.test(text)) problems.push(`quote entities in SSML text: ${text.slice(0, 80)}`);
	if (/&(?!(amp|lt|gt|apos|quot);)|</.test(text)) problems.push(`malformed SSML text: ${text.slice(0, 80)}`);
	if (Buffer.byteLength(text, 'utf8') > MAX_TEXT_BYTES) {
		problems.push(`SSML text of ${Buffer.byteLength(text, 'utf8')} bytes, over the reference's ${MAX_TEXT_BYTES}`);
		text = Buffer.from(text, 'utf8').subarray(0, MAX_TEXT_BYTES).toString('utf8');
	}
	return text.replace(/&(apos|quot);/g, ' $1 ').replace(/&(amp|lt|gt);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>' })[name]!);
};

/** A local stand-in for Edge's read-aloud service, speaking its WebSocket protocol. */
const startFakeEdge = async () => {
	const connections: Connection[] = [];
	/** What the real service would refuse or mis-speak; every test expects none. */
	const problems: string[] = [];
	const scripts: Script[] = [];
	const sockets = new Set<Socket>();
	const wss = new WebSocketServer({ noServer: true });
	const http = createServer();
	http.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	http.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
		const connection: Connection = { url: new URL(request.url ?? '/', 'http://fake'), headers: request.headers, texts: [], spoken: [], durationMs: 0 };
		connections.push(connection);
		const script = scripts.shift() ?? {};
		if (script.status) {
			const headers = Object.entries(script.headers ?? {})
				.map(([k, v]) => `${k}: ${v}\r\n`)
				.join('');
			socket.end(`HTTP/1.1 ${script.status} Refused\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`);
			return;
		}
		wss.handleUpgrade(request, socket, head, (ws) => {
			ws.on('message', (data) => {
				connection.texts.push(data.toString());
				if (connection.texts.length === 2 && !script.hang) answer(ws, connection, script);
			});
		});
	});

	const answer = (ws: WebSocket, connection: Connection, script: Script) => {
		const ssmlMessage = connection.texts[1]!;
		const locale = /xml:lang='([^']+)'/.exec(ssmlMessage)?.[1] ?? 'en-US';
		const text = serviceReading(/<prosody[^>]*>([\s\S]*)<\/prosody>/.exec(ssmlMessage)?.[1] ?? '', problems);
		const words = boundariesOf(text, locale);
		connection.spoken = words;
		const requestId = /X-RequestId:(\w+)/.exec(ssmlMessage)?.[1] ?? '';
		const head = (path: string, type = 'application/json; charset=utf-8') => `X-RequestId:${requestId}\r\nContent-Type:${type}\r\nPath:${path}\r\n`;
		ws.send(`${head('turn.start')}\r\n{"context":{"serviceTag":"fake"}}`);
		words.forEach((word, i) => {
			const metadata = {
				Metadata: [
					{
						Type: 'WordBoundary',
						Data: {
							Offset: (LEAD_MS + i * WORD_MS) * 10_000,
							Duration: (WORD_MS - 10) * 10_000,
							text: { Text: escapeXml(word), Length: word.length, BoundaryType: 'WordBoundary' },
						},
					},
				],
			};
			ws.send(`${head('audio.metadata')}\r\n${JSON.stringify(metadata)}`);
		});
		const audio = silentMp3(Math.ceil((words.length * WORD_MS + 2 * LEAD_MS) / FRAME_MS));
		connection.durationMs = mp3DurationMs(audio);
		for (let at = 0; at < audio.length; at += 144 * 10) {
			const headers = Buffer.from(`${head('audio', 'audio/mpeg')}X-StreamId:1\r\n`);
			const length = Buffer.alloc(2);
			length.writeUInt16BE(headers.length);
			ws.send(Buffer.concat([length, headers, audio.subarray(at, at + 144 * 10)]));
			if (script.dropAfterAudio) {
				ws.terminate();
				return;
			}
		}
		ws.send(`${head('turn.end')}\r\n{}`);
	};

	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const { port } = http.address() as AddressInfo;
	return {
		endpoint: `ws://127.0.0.1:${port}${PATH}`,
		connections,
		problems,
		script: (...next: Script[]) => scripts.push(...next),
		async close() {
			for (const client of wss.clients) client.terminate();
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => http.close(() => resolve()));
		},
	};
};

let edge: Awaited<ReturnType<typeof startFakeEdge>>;
const voice = (options: EdgeVoiceOptions = {}) => createEdgeVoice({ endpoint: edge.endpoint, retry: FAST, timeoutMs: 2000, ...options });

beforeEach(async () => {
	edge = await startFakeEdge();
});
afterEach(async () => {
	await edge.close();
	expect(edge.problems).toEqual([]);
});

describe('createEdgeVoice', () => {
	it('speaks the read-aloud protocol and times the script from word boundaries', async () => {
		const provider = voice();
		expect(provider.name).toBe('edge-tts');
		const request = { text: '我用ChatGPT写了2024年20%的代码。', language: 'zh-CN', take: 0 };
		const result = await provider.synthesize(request);

		const [connection] = edge.connections;
		expect(connection!.url.pathname).toBe(PATH);
		expect(connection!.url.searchParams.get('TrustedClientToken')).toBe('6A5AA1D4EAFF4E9FB37E23D68491D6F4');
		expect(connection!.url.searchParams.get('Sec-MS-GEC')).toMatch(/^[0-9A-F]{64}$/);
		expect(connection!.url.searchParams.get('Sec-MS-GEC-Version')).toMatch(/^1-\d+\.\d+\.\d+\.\d+$/);
		expect(connection!.url.searchParams.get('ConnectionId')).toMatch(/^[0-9a-f]{32}$/);
		expect(connection!.headers.origin).toBe('chrome-extension://jdiccldimpdaibmpdkjnbmckianbfold');
		const [config, ssml] = connection!.texts;
		expect(config).toMatch(/^X-Timestamp:.+\r\nContent-Type:application\/json; charset=utf-8\r\nPath:speech\.config\r\n\r\n/);
		expect(JSON.parse(config!.split('\r\n\r\n')[1]!)).toEqual({
			context: {
				synthesis: {
					audio: { metadataoptions: { sentenceBoundaryEnabled: 'false', wordBoundaryEnabled: 'true' }, outputFormat: 'audio-24khz-48kbitrate-mono-mp3' },
				},
			},
		});
		expect(ssml).toMatch(/^X-RequestId:[0-9a-f]{32}\r\nContent-Type:application\/ssml\+xml\r\nX-Timestamp:.+Z\r\nPath:ssml\r\n\r\n<speak /);
		expect(ssml).toContain("xml:lang='zh-CN'><voice name='Microsoft Server Speech Text to Speech Voice (zh-CN, XiaoxiaoNeural)'>");
		expect(ssml).toContain("<prosody pitch='+0Hz' rate='+0%' volume='+0%'>我用ChatGPT写了2024年20%的代码。</prosody>");

		expect(result.extension).toBe('mp3');
		expect(result.timing).toBe('provider');
		const durationMs = mp3DurationMs(result.audio);
		expect((await probeAudio(result.audio, 'mp3')).durationMs).toBe(Math.round(durationMs));
		expectScriptWords(request, result, durationMs);
		expect(wordOf(result, '我')).toEqual({ text: '我', startMs: 50, endMs: 140 });
		expect(wordOf(result, 'ChatGPT')).toEqual({ text: 'ChatGPT', startMs: 250, endMs: 340 });
		expect(wordOf(result, '代码。').startMs).toBe(LEAD_MS + 9 * WORD_MS);
	});

	it('escapes text as the reference does (& < > only), names a request voice in the long form, and varies later takes', async () => {
		const request = { text: `Tom & Jerry <3 "double" and 'single' quotes, don't call AT&T.`, language: 'en', voice: 'en-GB-RyanNeural', take: 3 };
		const result = await voice().synthesize(request);
		const [connection] = edge.connections;
		const ssml = connection!.texts[1]!;
		expect(ssml).toContain("voice name='Microsoft Server Speech Text to Speech Voice (en-GB, RyanNeural)'");
		expect(ssml).toContain(`>Tom &amp; Jerry &lt;3 "double" and 'single' quotes, don't call AT&amp;T.</prosody>`);
		expect(ssml).not.toMatch(/&(apos|quot);/);
		expect(ssml).not.toContain("pitch='+0Hz' rate='+0%'");
		// the service read every word as written (no "apos"), and reported them escaped
		expect(connection!.spoken).toEqual(['Tom', '&', 'Jerry', '<', '3', 'double', 'and', 'single', 'quotes', "don't", 'call', 'AT&T']);
		expectScriptWords(request, result, mp3DurationMs(result.audio));
		const at = (i: number) => ({ startMs: LEAD_MS + i * WORD_MS, endMs: LEAD_MS + i * WORD_MS + WORD_MS - 10 });
		// each script word with letters or digits takes the slot of the spoken word it was read as
		expect(wordOf(result, 'Tom')).toEqual({ text: 'Tom', ...at(0) });
		expect(wordOf(result, ' Jerry')).toEqual({ text: ' Jerry', ...at(2) });
		expect(wordOf(result, '3').startMs).toBe(at(4).startMs);
		expect(wordOf(result, 'double"')).toEqual({ text: 'double"', ...at(5) });
		expect(wordOf(result, "single'")).toEqual({ text: "single'", ...at(7) });
		expect(wordOf(result, ' quotes,')).toEqual({ text: ' quotes,', ...at(8) });
		expect(wordOf(result, " don't")).toEqual({ text: " don't", ...at(9) });
		expect(wordOf(result, ' call')).toEqual({ text: ' call', ...at(10) });
		// the script's "AT&" + "T." share the spoken "AT&T" (reported as AT&amp;T) and nothing else
		expect(wordOf(result, ' AT&').startMs).toBe(at(11).startMs);
		expect(wordOf(result, 'T.').endMs).toBe(at(11).endMs);
	});

	it('reads WordBoundary texts unescaped: named and numeric entities', () => {
		const body = (text: string) =>
			JSON.stringify({ Metadata: [{ Type: 'WordBoundary', Data: { Offset: 1_000_000, Duration: 500_000, text: { Text: text } } }] });
		const read = (text: string) => wordBoundaries(body(text))[0]!.text;
		expect(read('AT&amp;T')).toBe('AT&T');
		expect(read('&lt;3 &gt;')).toBe('<3 >');
		expect(read('&quot;double&quot; &apos;single&apos;')).toBe(`"double" 'single'`);
		expect(read('don&#39;t &#x4E2D;&#20013;')).toBe("don't 中中");
		expect(read('&amp;lt;')).toBe('&lt;');
		expect(wordBoundaries(body('AT&amp;T'))[0]).toEqual({ text: 'AT&T', startMs: 100, endMs: 150 });
	});

	it('splits escaped text at 4096 bytes, never inside an entity or a character', () => {
		const noSpaces = `${'x'.repeat(4093)}&amp;${'y'.repeat(10)}`;
		expect(splitEscapedText(noSpaces)).toEqual(['x'.repeat(4093), `&amp;${'y'.repeat(10)}`]);
		const emoji = '😀'.repeat(2500);
		const pieces = splitEscapedText(emoji);
		expect(pieces.join('')).toBe(emoji);
		for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
		expect(edgeTextPieces('a\u000bb & "c"')).toEqual(['a b &amp; "c"']);
		expect(edgeTextPieces('  ')).toEqual([]);
	});

	/** Narration the service would cut short: sent in pieces, joined into one asset timed in the script's words. */
	const expectSplitNarration = async (request: { text: string; language: string; take: number }, sentenceEnd: RegExp) => {
		const result = await voice().synthesize(request);
		expect(edge.connections.length).toBeGreaterThanOrEqual(3);
		const pieces = edge.connections.map((c) => /<prosody[^>]*>([\s\S]*)<\/prosody>/.exec(c.texts[1]!)![1]!);
		for (const piece of pieces) {
			expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(MAX_TEXT_BYTES);
			expect(piece).toMatch(sentenceEnd);
		}
		// nothing lost or said twice at the cuts
		expect(edge.connections.flatMap((c) => c.spoken)).toEqual(boundariesOf(request.text, request.language));
		const durationMs = mp3DurationMs(result.audio);
		expect(durationMs).toBeCloseTo(
			edge.connections.reduce((sum, c) => sum + c.durationMs, 0),
			6,
		);
		expectScriptWords(request, result, durationMs);
		// every word is the spoken word of its piece, moved by the audio of the pieces before it
		let offsetMs = 0;
		const expected = edge.connections.flatMap((c) => {
			const words = c.spoken.map((_, j) => ({ startMs: offsetMs + LEAD_MS + j * WORD_MS, endMs: offsetMs + LEAD_MS + j * WORD_MS + WORD_MS - 10 }));
			offsetMs += c.durationMs;
			return words;
		});
		expect(result.words.map(({ startMs, endMs }) => ({ startMs, endMs }))).toEqual(expected);
		expect(durationMs).toBeGreaterThan(expected.at(-1)!.endMs);
		return result;
	};

	it('splits a ten-minute narration into requests of at most 4096 bytes at sentence ends and offsets each piece', async () => {
		const sentences = Array.from(
			{ length: 75 },
			(_, n) => `Sentence ${n + 1} tells how the river turned east, and why the old mill on the hill kept running all winter long.`,
		);
		const text = sentences.map((sentence, n) => (n % 10 === 9 ? `${sentence}\n` : `${sentence} `)).join('');
		expect(text.split(/\s+/).length).toBeGreaterThan(1500); // about ten minutes at 150 words a minute
		const result = await expectSplitNarration({ text, language: 'en', take: 0 }, /[.]$/);
		expect(result.timing).toBe('provider');
	});

	it('splits Chinese narration at 。！？', async () => {
		const ends = ['。', '！', '？'];
		const text = Array.from({ length: 150 }, (_, n) => `第${n + 1}章讲的是河水向东流，山上的老磨坊整个冬天都在转${ends[n % 3]}`).join('');
		await expectSplitNarration({ text, language: 'zh-CN', take: 0 }, /[。！？]$/);
	});

	it('times pieces on their own, and the whole script when a cut fell inside a word', () => {
		const at = (text: string, startMs: number) => ({ text, startMs, endMs: startMs + 90 });
		const split = timeEdgePieces('Hello world. Good night.', 'en', [
			{ text: 'Hello world.', spoken: [at('Hello', 50), at('world', 150)], durationMs: 288 },
			{ text: 'Good night.', spoken: [at('Good', 50), at('night', 150)], durationMs: 288 },
		]);
		expect(split).toEqual({ timing: 'provider', words: [at('Hello', 50), at(' world.', 150), at(' Good', 338), at(' night.', 438)] });
		const cutInWord = timeEdgePieces('Hello world', 'en', [
			{ text: 'Hello wor', spoken: [at('Hello', 50), at('wor', 150)], durationMs: 288 },
			{ text: 'ld', spoken: [at('ld', 50)], durationMs: 144 },
		]);
		expect(cutInWord.timing).toBe('provider');
		expect(cutInWord.words.map((w) => w.text)).toEqual(['Hello', ' world']);
		expect(cutInWord.words[1]!.startMs).toBe(150);
		expect(cutInWord.words[1]!.endMs).toBe(428);
	});

	it('retries a refused connection (429, then 500), then succeeds', async () => {
		edge.script({ status: 429, headers: { 'Retry-After': '0' } }, { status: 500 });
		const result = await voice().synthesize({ text: 'Hello world', language: 'en', take: 0 });
		expect(edge.connections).toHaveLength(3);
		expect(result.words.map((w) => w.startMs)).toEqual([50, 150]);
	});

	it('retries when the service goes quiet (a timeout) or drops the connection mid-stream', async () => {
		edge.script({ hang: true }, { dropAfterAudio: true });
		const result = await voice({ timeoutMs: 300 }).synthesize({ text: 'Hello world', language: 'en', take: 0 });
		expect(edge.connections).toHaveLength(3);
		expect(result.timing).toBe('provider');
	});

	it("corrects its clock from the service's Date when the token is refused", async () => {
		const serverDate = new Date(Date.now() + 3 * 3600_000);
		edge.script({ status: 403, headers: { Date: serverDate.toUTCString() } });
		await voice({ retry: { retries: 0 } }).synthesize({ text: 'Hello', language: 'en', take: 0 });
		expect(edge.connections).toHaveLength(2);
		expect(edge.connections[1]!.url.searchParams.get('Sec-MS-GEC')).toBe(secMsGec(serverDate.getTime()));
	});

	it('gives up on a refusal that is not worth retrying', async () => {
		edge.script({ status: 400 });
		const error = await rejectionOf(voice().synthesize({ text: 'Hello', language: 'en', take: 0 }));
		expect(error.message).toBe('Edge TTS: HTTP 400 when connecting');
		expect(edge.connections).toHaveLength(1);
	});

	it('computes the Sec-MS-GEC token from the clock in five-minute steps', () => {
		const at = Date.parse('2025-01-01T00:02:30Z');
		expect(secMsGec(at)).toBe('B0EDD22C7C09868E2F24C10264A8A3EB877773A7B6040B68AFA4FBCBABEA0238');
		expect(secMsGec(Date.parse('2025-01-01T00:04:59Z'))).toBe(secMsGec(at));
		expect(secMsGec(Date.parse('2025-01-01T00:05:00Z'))).not.toBe(secMsGec(at));
	});

	it('chooses voices per language and ignores names meant for other providers', () => {
		expect(edgeVoiceFor('zh-CN')).toBe('zh-CN-XiaoxiaoNeural');
		expect(edgeVoiceFor('zh-TW')).toBe('zh-TW-HsiaoChenNeural');
		expect(edgeVoiceFor('en', 'alloy')).toBe('en-US-AriaNeural');
		expect(edgeVoiceFor('en', 'en-US-Neural2-F', 'en-US-GuyNeural')).toBe('en-US-GuyNeural');
		expect(edgeVoiceFor('zh', 'zh-CN-liaoning-XiaobeiNeural')).toBe('zh-CN-liaoning-XiaobeiNeural');
		expect(edgeLongVoiceName('zh-CN-liaoning-XiaobeiNeural')).toBe('Microsoft Server Speech Text to Speech Voice (zh-CN-liaoning, XiaobeiNeural)');
	});
});
