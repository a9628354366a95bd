import { createHash } from 'node:crypto';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../../http/retry';
import { classifyOpenAIError } from '../../openai/classify-openai-error';
import { createOpenAIClient, type OpenAIConnection } from '../../openai/openai-client';
import { estimateWordTimings } from '../align/estimate-word-timings';
import { timeFromSpoken } from '../align/time-from-spoken';
import type { SpokenWord } from '../align/align-spoken-words';
import { joinPcm, pcmMs, readWav, type PcmAudio } from '../audio/read-wav';
import { takeVariation } from '../espeak/take-variation';
import { encodeWav } from '../espeak/wav';
import type { VoiceProvider, VoiceRequest, VoiceResult } from '../voice-provider';
import { splitForSpeech } from './split-speech';
import { transcribeWords } from './transcribe-words';
import { checkTranscriptionModel, DEFAULT_TRANSCRIPTION_MODEL } from './transcription-model';

export type OpenAISpeechModel = 'gpt-4o-mini-tts' | 'tts-1' | 'tts-1-hd';

export type OpenAIVoiceOptions = {
	readonly connection: OpenAIConnection;
	/** `gpt-4o-mini-tts` by default; any name an OpenAI-compatible server knows also works. */
	readonly model?: OpenAISpeechModel | (string & {});
	/** `alloy` by default; a request's own OpenAI voice name wins. */
	readonly voice?: string;
	/** How to speak (tone, pace); only `gpt-4o-mini-tts` follows instructions. */
	readonly instructions?: string;
	/**
	 * `whisper-1` by default. It must give word timestamps (see transcription-model.ts): another model,
	 * such as gpt-4o-transcribe, is refused when the provider is made.
	 */
	readonly transcriptionModel?: 'whisper-1' | (string & {});
	/** Where `transcriptionModel` came from, named in the refusal (an environment variable, say). */
	readonly transcriptionModelSetting?: string;
	/** Overrides of the retry schedule (tests make it instant). */
	readonly retry?: Partial<Omit<RetryOptions, 'classify'>>;
};

const DEFAULT_MODEL = 'gpt-4o-mini-tts';
const DEFAULT_VOICE = 'alloy';

/** OpenAI voice ids are lower-case words (`alloy`, `coral`); names meant for other providers are ignored. */
const isOpenAIVoice = (name: string) => /^[a-z][a-z0-9_-]*$/.test(name);

const followsInstructions = (model: string) => model.startsWith('gpt-4o-mini-tts');

/** Cache identity: the speech model, its voice, and a digest of the instructions when there are any. */
const modelName = (model: string, voice: string, instructions: string | undefined) =>
	[model, voice, instructions ? `i${createHash('sha256').update(instructions).digest('hex').slice(0, 8)}` : ''].filter(Boolean).join('/');

/**
 * OpenAI speech. It returns no timings, so the audio is transcribed with word timestamps and the
 * transcript is aligned onto the script; when transcription fails or matches too little of the script,
 * the words are estimated instead. The result says which.
 *
 * Narration longer than the endpoint's 4096 characters is spoken in pieces cut at sentence ends; the
 * pieces' PCM is joined into one WAV, and each piece's transcript is shifted by the audio before it.
 */
export const createOpenAIVoice = (options: OpenAIVoiceOptions): VoiceProvider => {
	const client = createOpenAIClient(options.connection);
	const model = options.model ?? DEFAULT_MODEL;
	const defaultVoice = options.voice?.trim() || DEFAULT_VOICE;
	const instructions = followsInstructions(model) ? options.instructions?.trim() || undefined : undefined;
	const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry, classify: classifyOpenAIError };
	const transcriptionModel = checkTranscriptionModel(
		options.transcriptionModel?.trim() || DEFAULT_TRANSCRIPTION_MODEL,
		options.transcriptionModelSetting ?? 'transcriptionModel',
	);

	const speak = async (input: string, voice: string, speed: number | undefined): Promise<PcmAudio> => {
		const speech = await withRetry(async () => {
			const response = await client.audio.speech.create({
				model,
				voice,
				input,
				response_format: 'wav',
				...(instructions ? { instructions } : {}),
				...(speed !== undefined ? { speed } : {}),
			});
			return new Uint8Array(await response.arrayBuffer());
		}, retry);
		// decoded (and later re-encoded) because streamed WAV headers leave the data length unknown
		return readWav(speech);
	};

	/** The piece's words, in ms from the start of the piece, or null when transcription failed. */
	const transcribe = (pcm: PcmAudio, text: string, language: string): Promise<SpokenWord[] | null> =>
		transcribeWords(client, { audio: encodeWav(pcm.samples, pcm.sampleRate), text, language, model: transcriptionModel, retry }).catch(() => null);

	return {
		name: 'openai-tts',
		model: modelName(model, defaultVoice, instructions),
		synthesize: async (request: VoiceRequest): Promise<VoiceResult> => {
			const named = request.voice?.trim();
			const voice = named && isOpenAIVoice(named) ? named : defaultVoice;
			const { rateDelta } = takeVariation(request.take);
			const speed = rateDelta !== 0 ? Math.round((1 + rateDelta / 175) * 100) / 100 : undefined;
			const pieces = splitForSpeech(request.text).filter((piece) => piece.trim() !== '');
			const parts: PcmAudio[] = [];
			const spoken: SpokenWord[] = [];
			let heard = false;
			let offsetMs = 0;
			for (const piece of pieces) {
				const pcm = await speak(piece, voice, speed);
				const words = await transcribe(pcm, piece, request.language);
				if (words) {
					heard = true;
					spoken.push(...words.map((word) => ({ text: word.text, startMs: word.startMs + offsetMs, endMs: word.endMs + offsetMs })));
				}
				parts.push(pcm);
				offsetMs += pcmMs(pcm);
			}
			const pcm = parts.length === 1 ? parts[0]! : joinPcm(parts);
			const audio = encodeWav(pcm.samples, pcm.sampleRate);
			const durationMs = pcmMs(pcm);
			const timed = heard
				? timeFromSpoken({ text: request.text, language: request.language, spoken, durationMs }, 'aligned')
				: { words: estimateWordTimings(request.text, request.language, durationMs), timing: 'estimated' as const };
			return { audio, extension: 'wav', ...timed };
		},
		close: async () => {},
	};
};
