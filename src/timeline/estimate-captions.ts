import type { CaptionToken } from '../schema/video-props';
import { pauseUnits, spokenUnits, UNITS_PER_SECOND } from './speech-units';
import { segmentWords } from './words';

/** Estimated speaking time of a text at a typical rate, in ms. */
export const estimateSpeechMs = (text: string, locale: string): number => {
	const tokens = segmentWords(text, locale);
	const units = tokens.reduce((sum, { text: t }) => sum + spokenUnits(t) + pauseUnits(t), 0);
	return Math.round((units / UNITS_PER_SECOND) * 1000);
};

/**
 * Word timings for narration that has no voice yet: each word gets time in proportion to its
 * syllables, with pauses at punctuation, spread over at most `availableMs`.
 */
export const estimateCaptions = (text: string, locale: string, availableMs: number): CaptionToken[] => {
	const tokens = segmentWords(text, locale);
	const weights = tokens.map(({ text: t }) => ({ speak: spokenUnits(t), pause: pauseUnits(t) }));
	const lastPause = weights.at(-1)?.pause ?? 0;
	const totalUnits = weights.reduce((sum, w) => sum + w.speak + w.pause, 0) - lastPause;
	if (totalUnits <= 0 || availableMs <= 0) return [];
	const spanMs = Math.min(availableMs, (totalUnits / UNITS_PER_SECOND) * 1000);
	const msPerUnit = spanMs / totalUnits;
	let cursor = 0;
	return tokens.map(({ text: t }, index) => {
		const w = weights[index]!;
		const startMs = Math.round(cursor * msPerUnit);
		const endMs = Math.round((cursor + w.speak) * msPerUnit);
		cursor += w.speak + w.pause;
		return { text: t, startMs, endMs, timestampMs: startMs, confidence: null };
	});
};
