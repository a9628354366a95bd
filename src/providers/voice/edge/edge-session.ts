import WebSocket from 'ws';
import { HttpError } from '../../http/http-error';
import { parseRetryAfter } from '../../http/retry';
import type { SpokenWord } from '../align/align-spoken-words';
import { parseBinaryFrame, parseTextFrame, wordBoundaries } from './edge-messages';

/** The service refused the WebSocket upgrade; its Date lets a wrong local clock be corrected. */
export class EdgeHandshakeError extends HttpError {
	constructor(
		status: number,
		retryAfterSeconds: number | undefined,
		readonly serverDateMs: number | undefined,
	) {
		super(status, retryAfterSeconds, `Edge TTS: HTTP ${status} when connecting`);
		this.name = 'EdgeHandshakeError';
	}
}

export type EdgeSessionInput = {
	readonly url: string;
	readonly headers: Readonly<Record<string, string>>;
	/** Text frames to send once connected, in order. */
	readonly messages: readonly string[];
	/** For the whole exchange, from connecting to the end of the turn. */
	readonly timeoutMs: number;
	/** Ends the exchange early (the provider is closing). */
	readonly signal?: AbortSignal;
};

export type EdgeSpeech = { readonly audio: Uint8Array; readonly boundaries: readonly SpokenWord[] };

const toBuffer = (data: WebSocket.RawData): Buffer => (Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data));

/** Failures retrying understands: timeouts by name, dropped connections by code. */
const transient = (message: string, fields: { name?: string; code?: string }) => Object.assign(new Error(message), fields);

/**
 * One synthesis over one connection: send the config and the SSML, collect audio frames and word
 * boundaries until `turn.end`. Refusals, timeouts and drops reject with errors `classifyHttpError` reads.
 */
export const runEdgeSession = (input: EdgeSessionInput): Promise<EdgeSpeech> =>
	new Promise<EdgeSpeech>((resolve, reject) => {
		const socket = new WebSocket(input.url, { headers: { ...input.headers }, handshakeTimeout: input.timeoutMs });
		const chunks: Buffer[] = [];
		const boundaries: SpokenWord[] = [];
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			input.signal?.removeEventListener('abort', abort);
			socket.terminate();
			outcome();
		};
		const fail = (error: Error) => settle(() => reject(error));
		const timer = setTimeout(() => fail(transient(`Edge TTS: no complete answer within ${input.timeoutMs} ms`, { name: 'TimeoutError' })), input.timeoutMs);
		const abort = () => fail(new Error('Edge voice was closed before the synthesis finished'));
		if (input.signal?.aborted) abort();
		input.signal?.addEventListener('abort', abort, { once: true });

		socket.on('unexpected-response', (_request, response) => {
			const date = Date.parse(response.headers.date ?? '');
			fail(new EdgeHandshakeError(response.statusCode ?? 0, parseRetryAfter(response.headers['retry-after']), Number.isNaN(date) ? undefined : date));
		});
		socket.on('open', () => {
			for (const message of input.messages) socket.send(message);
		});
		socket.on('message', (data, isBinary) => {
			try {
				if (isBinary) {
					const frame = parseBinaryFrame(toBuffer(data));
					if (frame.path === 'audio' && frame.audio.length > 0) chunks.push(frame.audio);
					return;
				}
				const { path, body } = parseTextFrame(toBuffer(data).toString('utf8'));
				if (path === 'audio.metadata') boundaries.push(...wordBoundaries(body));
				else if (path === 'turn.end') {
					if (chunks.length === 0) fail(new Error('Edge TTS sent no audio; check the voice name'));
					else settle(() => resolve({ audio: new Uint8Array(Buffer.concat(chunks)), boundaries }));
				}
			} catch (error) {
				fail(error instanceof Error ? error : new Error(String(error)));
			}
		});
		socket.on('error', (error: Error & { code?: string }) => fail(transient(`Edge TTS: ${error.message}`, error.code ? { code: error.code } : {})));
		socket.on('close', (code) => fail(transient(`Edge TTS closed the connection before the audio ended (${code})`, { code: 'ECONNRESET' })));
	});
