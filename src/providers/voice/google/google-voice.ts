import { protos, v1beta1 } from '@google-cloud/text-to-speech';
import { segmentWords } from '../../../timeline/words';
import { classifyHttpError } from '../../http/http-error';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../../http/retry';
import { estimateWordTimings } from '../align/estimate-word-timings';
import { timeTokens, type Span } from '../align/time-tokens';
import { joinPcm, pcmMs, readWav, type PcmAudio } from '../audio/read-wav';
import { takeVariation } from '../espeak/take-variation';
import { encodeWav } from '../espeak/wav';
import type { VoiceProvider, VoiceRequest, VoiceResult } from '../voice-provider';
import { cleanGoogleError } from './clean-google-error';
import { googleVoiceFor, isPlainTextVoice, type GoogleVoiceChoice } from './google-voice-name';
import { buildSsmlParts, buildTextParts, END_MARK, markName, type SsmlPart } from './ssml-parts';

const SSML_MARK = protos.google.cloud.texttospeech.v1beta1.SynthesizeSpeechRequest.TimepointType.SSML_MARK;

type ClientOptions = NonNullable<ConstructorParameters<typeof v1beta1.TextToSpeechClient>[0]>;

export type GoogleVoiceOptions = {
	/** Passed to the client (endpoint, credentials, transport); REST is the default transport. */
	readonly clientOptions?: ClientOptions;
	/** An API key instead of Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS). */
	readonly apiKey?: string;
	/** A voice for every request that names no Google voice, e.g. `cmn-CN-Wavenet-B`; else one per language. */
	readonly voiceName?: string;
	readonly timeoutMs?: number;
	readonly retry?: Partial<Omit<RetryOptions, 'classify'>>;
};

/** LINEAR16 without a WAV header comes at the voice's rate, which Google reports; 24 kHz otherwise. */
const DEFAULT_SAMPLE_RATE = 24_000;

type PartAudio = { readonly pcm: PcmAudio; readonly marks: ReadonlyMap<string, number> };

/** What one request speaks: SSML with marks, or plain text for voices that take no SSML. */
type PartInput = { readonly ssml: string } | { readonly text: string };

const toBytes = (content: Uint8Array | string | null | undefined) =>
	typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'base64')) : (content ?? new Uint8Array());

/** Spans of a part's tokens, in ms from the start of the joined audio: from their mark to the next. */
const partSpans = (part: SsmlPart, audio: PartAudio, offsetMs: number): (Span | undefined)[] => {
	const at = (name: string) => {
		const seconds = audio.marks.get(name);
		return seconds === undefined ? undefined : offsetMs + seconds * 1000;
	};
	const partEndMs = offsetMs + pcmMs(audio.pcm);
	return Array.from({ length: part.count }, (_, i) => {
		const startMs = at(markName(part.first + i));
		if (startMs === undefined) return undefined;
		let endMs: number | undefined;
		for (let j = i + 1; j < part.count && endMs === undefined; j++) endMs = at(markName(part.first + j));
		return { startMs, endMs: endMs ?? at(END_MARK) ?? partEndMs };
	});
};

/**
 * Google Cloud Text-to-Speech v1beta1: SSML with a mark before every word, whose timepoints time the
 * script's own tokens. Chirp 3 HD, Chirp HD and Journey voices take no SSML (and give no timepoints): they
 * are sent plain text and their words are estimated, which the result says. Text over Google's 5,000-byte
 * limit is spoken in parts (split at sentence ends where possible) whose audio is joined into one WAV.
 */
export const createGoogleVoice = (options: GoogleVoiceOptions = {}): VoiceProvider => {
	const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry, classify: classifyHttpError };
	const timeoutMs = options.timeoutMs ?? 120_000;
	let client: v1beta1.TextToSpeechClient | null = null;
	let closed = false;

	const clientFor = () => {
		if (closed) throw new Error('Google voice is closed');
		const given = options.clientOptions ?? {};
		client ??= new v1beta1.TextToSpeechClient({
			fallback: true,
			// with a key no project is needed; naming one skips the lookup (gcloud, then the metadata server)
			...(options.apiKey ? { apiKey: options.apiKey, projectId: 'api-key' } : {}),
			...given,
			// gaxios' timeout aborts the request; the REST transport ignores the call's own timeout
			clientOptions: { transporterOptions: { timeout: timeoutMs }, ...given.clientOptions },
		});
		return client;
	};

	const speakPart = async (input: PartInput, voice: GoogleVoiceChoice, request: VoiceRequest): Promise<PartAudio> => {
		const { rateDelta, pitchDelta } = takeVariation(request.take);
		const [response] = await withRetry(
			() =>
				clientFor()
					.synthesizeSpeech(
						{
							input,
							voice,
							audioConfig: {
								audioEncoding: 'LINEAR16',
								...(rateDelta !== 0 ? { speakingRate: Math.round((1 + rateDelta / 175) * 100) / 100 } : {}),
								...(pitchDelta !== 0 ? { pitch: pitchDelta / 4 } : {}),
							},
							...('ssml' in input ? { enableTimePointing: [SSML_MARK] } : {}),
						},
						{ maxRetries: 0 },
					)
					.catch((error: unknown) => {
						throw cleanGoogleError(error);
					}),
			retry,
		);
		const bytes = toBytes(response.audioContent);
		const pcm =
			bytes.length >= 4 && Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'RIFF'
				? readWav(bytes)
				: {
						samples: new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.byteLength & ~1))),
						sampleRate: response.audioConfig?.sampleRateHertz || DEFAULT_SAMPLE_RATE,
					};
		const marks = new Map<string, number>();
		for (const point of response.timepoints ?? []) if (point.markName && typeof point.timeSeconds === 'number') marks.set(point.markName, point.timeSeconds);
		return { pcm, marks };
	};

	/** Plain text, no timepointing; each part's words estimated over its own audio. */
	const speakPlain = async (tokens: readonly string[], voice: GoogleVoiceChoice, request: VoiceRequest): Promise<VoiceResult> => {
		const parts = buildTextParts(tokens);
		const spoken: PartAudio[] = [];
		for (const part of parts) spoken.push(await speakPart({ text: part.text }, voice, request));
		const spans: (Span | undefined)[] = [];
		let offsetMs = 0;
		parts.forEach((part, p) => {
			const partMs = pcmMs(spoken[p]!.pcm);
			const estimate = estimateWordTimings(part.text, request.language, partMs);
			// a part split mid-way may segment differently alone; its words are then spread by timeTokens
			const fits = estimate.length === part.count && estimate.every((word, i) => word.text === tokens[part.first + i]);
			for (let i = 0; i < part.count; i++) {
				const word = fits ? estimate[i]! : undefined;
				spans.push(word ? { startMs: offsetMs + word.startMs, endMs: offsetMs + word.endMs } : undefined);
			}
			offsetMs += partMs;
		});
		const pcm = joinPcm(spoken.map((part) => part.pcm));
		return { audio: encodeWav(pcm.samples, pcm.sampleRate), extension: 'wav', words: timeTokens(tokens, spans, pcmMs(pcm)), timing: 'estimated' };
	};

	return {
		name: 'google-tts',
		model: `texttospeech-v1beta1/${options.voiceName?.trim() || 'default'}`,
		synthesize: async (request: VoiceRequest): Promise<VoiceResult> => {
			const tokens = segmentWords(request.text, request.language).map((token) => token.text);
			const voice = googleVoiceFor(request.language, request.voice, options.voiceName);
			if (isPlainTextVoice(voice.name)) return speakPlain(tokens, voice, request);
			const parts = buildSsmlParts(tokens);
			const spoken: PartAudio[] = [];
			for (const part of parts) spoken.push(await speakPart({ ssml: part.ssml }, voice, request));
			const spans: (Span | undefined)[] = [];
			let offsetMs = 0;
			parts.forEach((part, p) => {
				spans.push(...partSpans(part, spoken[p]!, offsetMs));
				offsetMs += pcmMs(spoken[p]!.pcm);
			});
			const pcm = joinPcm(spoken.map((part) => part.pcm));
			return { audio: encodeWav(pcm.samples, pcm.sampleRate), extension: 'wav', words: timeTokens(tokens, spans, pcmMs(pcm)), timing: 'provider' };
		},
		close: async () => {
			closed = true;
			const open = client;
			client = null;
			await open?.close();
		},
	};
};
