import { randomBytes, randomUUID } from 'node:crypto';
import { classifyHttpError } from '../../http/http-error';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../../http/retry';
import { mp3DurationMs } from '../audio/mp3-duration';
import { takeVariation } from '../espeak/take-variation';
import type { VoiceProvider, VoiceRequest, VoiceResult } from '../voice-provider';
import { edgeSsml, edgeTimestamp, speechConfigMessage, ssmlMessage } from './edge-messages';
import { EdgeHandshakeError, runEdgeSession, type EdgeSpeech } from './edge-session';
import { edgeTextPieces, unescapeXml } from './edge-text';
import { timeEdgePieces, type EdgePiece } from './edge-timing';
import { edgeLongVoiceName, edgeVoiceFor, edgeVoiceLocale } from './edge-voice-name';
import { secMsGec, TRUSTED_CLIENT_TOKEN } from './sec-ms-gec';

export type EdgeVoiceOptions = {
	/** A voice for every request that names no Edge voice, e.g. `zh-CN-YunxiNeural`; else one per language. */
	readonly voice?: string;
	/** The read-aloud WebSocket address, without its query. */
	readonly endpoint?: string;
	/** The Edge version to present; the service turns away versions it considers too old. */
	readonly edgeVersion?: string;
	readonly timeoutMs?: number;
	readonly retry?: Partial<Omit<RetryOptions, 'classify'>>;
};

export const EDGE_ENDPOINT = 'wss://speech.platform.bing.com/consumer/speech/synthesize/readaloud/edge/v1';
const EDGE_VERSION = '143.0.3650.75';

const browserHeaders = (edgeVersion: string): Record<string, string> => {
	const major = edgeVersion.split('.')[0];
	return {
		Pragma: 'no-cache',
		'Cache-Control': 'no-cache',
		Origin: 'chrome-extension://jdiccldimpdaibmpdkjnbmckianbfold',
		'User-Agent': `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36 Edg/${major}.0.0.0`,
		'Accept-Encoding': 'gzip, deflate, br, zstd',
		'Accept-Language': 'en-US,en;q=0.9',
		Cookie: `muid=${randomBytes(16).toString('hex').toUpperCase()};`,
	};
};

const signed = (value: number, unit: string) => `${value >= 0 ? '+' : ''}${value}${unit}`;
const connectionId = () => randomUUID().replaceAll('-', '');

/**
 * Microsoft Edge's free read-aloud voices, spoken over its WebSocket protocol. Word boundaries carry
 * the words as written, and are put onto the script's tokens with the same aligner as transcripts.
 */
export const createEdgeVoice = (options: EdgeVoiceOptions = {}): VoiceProvider => {
	const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry, classify: classifyHttpError };
	const endpoint = options.endpoint ?? EDGE_ENDPOINT;
	const edgeVersion = options.edgeVersion ?? EDGE_VERSION;
	const timeoutMs = options.timeoutMs ?? 60_000;
	const closing = new AbortController();
	// the token is tied to the clock; a refusal's Date header corrects a local clock that is off
	let clockSkewMs = 0;

	const speak = async (ssml: string): Promise<EdgeSpeech> => {
		const session = () => {
			const nowMs = Date.now() + clockSkewMs;
			const query = new URLSearchParams({
				TrustedClientToken: TRUSTED_CLIENT_TOKEN,
				'Sec-MS-GEC': secMsGec(nowMs),
				'Sec-MS-GEC-Version': `1-${edgeVersion}`,
				ConnectionId: connectionId(),
			});
			const timestamp = edgeTimestamp(new Date(nowMs));
			return runEdgeSession({
				url: `${endpoint}?${query}`,
				headers: browserHeaders(edgeVersion),
				messages: [speechConfigMessage(timestamp), ssmlMessage(connectionId(), timestamp, ssml)],
				timeoutMs,
				signal: closing.signal,
			});
		};
		try {
			return await session();
		} catch (error) {
			if (!(error instanceof EdgeHandshakeError) || error.status !== 403 || error.serverDateMs === undefined) throw error;
			clockSkewMs = error.serverDateMs - Date.now();
			return session();
		}
	};

	return {
		name: 'edge-tts',
		model: `edge-readaloud/${options.voice?.trim() || 'default'}`,
		synthesize: async (request: VoiceRequest): Promise<VoiceResult> => {
			if (closing.signal.aborted) throw new Error('Edge voice is closed');
			const voice = edgeVoiceFor(request.language, request.voice, options.voice);
			const { rateDelta, pitchDelta } = takeVariation(request.take);
			const prosody = { rate: signed(Math.round((rateDelta / 175) * 100), '%'), pitch: signed(pitchDelta, 'Hz') };
			// the service cuts long audio short, so long narration goes as several requests, one after another
			const pieces = edgeTextPieces(request.text);
			const audio: Uint8Array[] = [];
			const spoken: EdgePiece[] = [];
			for (const piece of pieces.length > 0 ? pieces : ['']) {
				const ssml = edgeSsml(piece, edgeLongVoiceName(voice), edgeVoiceLocale(voice), prosody);
				const speech = await withRetry(() => speak(ssml), retry);
				audio.push(speech.audio);
				spoken.push({ text: unescapeXml(piece), spoken: speech.boundaries, durationMs: mp3DurationMs(speech.audio) });
			}
			// Edge sends bare MP3 frames (no ID3 tag), so the pieces join by concatenation, and each piece's
			// words move by the measured length of the audio before it
			const joined = audio.length === 1 ? audio[0]! : new Uint8Array(Buffer.concat(audio));
			const timed = timeEdgePieces(request.text, request.language, spoken);
			return { audio: joined, extension: 'mp3', ...timed };
		},
		close: async () => {
			closing.abort();
		},
	};
};
