import { estimateCaptions } from '../../../timeline/estimate-captions';
import { segmentWords } from '../../../timeline/words';
import type { WordTiming } from '../voice-provider';
import { timeTokens } from './time-tokens';

/** Word timings with nothing measured: the weighted estimate (syllables and pauses) stretched over the audio. */
export const estimateWordTimings = (text: string, language: string, durationMs: number): WordTiming[] => {
	const tokens = segmentWords(text, language).map((token) => token.text);
	const estimate = estimateCaptions(text, language, Number.POSITIVE_INFINITY);
	const estimatedMs = estimate.at(-1)?.endMs ?? 0;
	if (estimate.length !== tokens.length || estimatedMs <= 0) return timeTokens(tokens, [], durationMs);
	const limit = Math.floor(Math.max(0, durationMs));
	const scale = Math.max(0, durationMs) / estimatedMs;
	const ms = (value: number) => Math.min(Math.round(value * scale), limit);
	return estimate.map((word) => ({ text: word.text, startMs: ms(word.startMs), endMs: ms(word.endMs) }));
};
