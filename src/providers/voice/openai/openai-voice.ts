import { createHash } from 'node:crypto';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../../http/retry';
import { classifyOpenAIError } from '../../openai/classify-openai-error';
import { createOpenAIClient, type OpenAIConnection } from '../../openai/openai-client';
import { estimateWordTimings } from '../align/estimate-word-timings';
import { timeFromSpoken } from '../align/time-from-spoken';
import { joinPcm, pcmMs, readWav, type PcmAudio } from '../audio/read-wav';
import { takeVariation } from '../espeak/take-variation';
import { encodeWav } from '../espeak/wav';
import type { TimingMethod, VoiceProvider, VoiceRequest, VoiceResult, WordTiming } from '../voice-provider';
import { segmentWords } from '../../../timeline/words';
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
 * The word timings of pieces spoken one after another, as timings of the whole text: each piece's words
 * shifted by the audio before it, and renamed to the whole text's own tokens (a piece's first word has
 * no leading space). Aligned only when every piece was; null when the pieces' words are not the text's.
 */
const joinTimings = (
	text: string,
	language: string,
	pieces: readonly { words: readonly WordTiming[]; timing: TimingMethod }[],
	piecesMs: readonly number[],
): { words: WordTiming[]; timing: TimingMethod } | null => {
	const tokens = segmentWords(text, language);
	const words: WordTiming[] = [];
	let offsetMs = 0;
	pieces.forEach((piece, i) => {
		for (const word of piece.words) words.push({ text: word.text, startMs: word.startMs + offsetMs, endMs: word.endMs + offsetMs });
		offsetMs += piecesMs[i]!;
	});
	if (words.length !== tokens.length || words.some((word, k) => word.text.trim() !== tokens[k]!.text.trim())) return null;
	return {
		words: words.map((word, k) => ({ ...word, text: tokens[k]!.text })),
		timing: pieces.every((piece) => piece.timing === 'aligned') ? 'aligned' : 'estimated',
	};
};

/**
 * OpenAI speech. It returns no timings, so the audio is transcribed with word timestamps and the
 * transcript is aligned onto the script; when transcription fails or matches too little of the script,
 * the words are estimated instead. The result says which.
 *
 * Narration longer than the endpoint's 4096 characters is spoken in pieces cut at sentence ends; each
 * piece is transcribed and aligned on its own, the pieces' PCM is joined into one WAV, and their word
 * timings are shifted by the audio before them. A transcription model without word timestamps is
 * refused when the provider is made.
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

	/** The piece's spoken words, in ms from the start of the piece, or null when transcription failed. */
	const transcribe = (pcm: PcmAudio, text: string, language: string) =>
		transcribeWords(client, { audio: encodeWav(pcm.samples, pcm.sampleRate), text, language, model: transcriptionModel, retry }).catch(() => null);

	return {
		name: 'openai-tts',
		model: modelName(model, defaultVoice, instructions),
		synthesize: async (request: VoiceRequest): Promise<VoiceResult> => {
			const named = request.voice?.trim();
			const voice = named && isOpenAIVoice(named) ? named : defaultVoice;
			const { rateDelta } = takeVariation(request.take);
			const speed = rateDelta !== 0 ? Math.round((1 + rateDelta / 175) * 100) / 100 : undefined;
			const spokenPieces = splitForSpeech(request.text).filter((piece) => piece.trim() !== '');
			const pieces = spokenPieces.length > 0 ? spokenPieces : [request.text];
			const parts: PcmAudio[] = [];
			const timings: { words: WordTiming[]; timing: TimingMethod }[] = [];
			for (const piece of pieces) {
				const pcm = await speak(piece, voice, speed);
				const spoken = await transcribe(pcm, piece, request.language);
				const durationMs = pcmMs(pcm);
				// each piece is aligned on its own: one grid over a whole long narration would be too big to align
				timings.push(
					spoken
						? timeFromSpoken({ text: piece, language: request.language, spoken, durationMs }, 'aligned')
						: { words: estimateWordTimings(piece, request.language, durationMs), timing: 'estimated' },
				);
				parts.push(pcm);
			}
			const pcm = parts.length === 1 ? parts[0]! : joinPcm(parts);
			const audio = encodeWav(pcm.samples, pcm.sampleRate);
			const durationMs = pcmMs(pcm);
			const timed =
				timings.length === 1 && pieces[0] === request.text
					? timings[0]!
					: (joinTimings(request.text, request.language, timings, parts.map(pcmMs)) ?? {
							words: estimateWordTimings(request.text, request.language, durationMs),
							timing: 'estimated' as const,
						});
			return { audio, extension: 'wav', ...timed };
		},
		close: async () => {},
	};
};
