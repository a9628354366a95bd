import OpenAI, { toFile } from 'openai';
import { withRetry, type RetryOptions } from '../../http/retry';
import type { SpokenWord } from '../align/align-spoken-words';
import { whisperLanguage } from './whisper-language';

/** Whisper reads at most 224 tokens of prompt; a short start of the script is enough to steer its spelling. */
const PROMPT_CHARS = 120;

export type TranscribeInput = {
	readonly audio: Uint8Array;
	readonly text: string;
	readonly language: string;
	readonly model: string;
	readonly retry: RetryOptions;
};

/**
 * Transcribes speech with word timestamps. The script's opening is the prompt, which nudges Whisper
 * towards the script's own spelling (simplified characters, digits) and so towards more matches.
 */
export const transcribeWords = async (client: OpenAI, input: TranscribeInput): Promise<SpokenWord[]> => {
	const file = await toFile(input.audio, 'speech.wav', { type: 'audio/wav' });
	const language = whisperLanguage(input.language);
	const transcription = await withRetry(
		() =>
			client.audio.transcriptions.create({
				file,
				model: input.model,
				response_format: 'verbose_json',
				timestamp_granularities: ['word'],
				...(language ? { language } : {}),
				prompt: [...input.text.trim()].slice(0, PROMPT_CHARS).join(''),
			}),
		input.retry,
	);
	return (transcription.words ?? []).map((word) => ({ text: word.word, startMs: word.start * 1000, endMs: word.end * 1000 }));
};
