import type { TimingMethod, WordTiming } from '../voice-provider';
import { alignSpokenWords, type AlignInput } from './align-spoken-words';
import { estimateWordTimings } from './estimate-word-timings';

/** Below this share of matched characters the spoken words are not trusted and the estimate is used. */
export const MIN_MATCHED_SHARE = 0.5;

/** Times the script from spoken words when enough of them match it, else from the weighted estimate. */
export const timeFromSpoken = (input: AlignInput, method: Exclude<TimingMethod, 'estimated'>): { words: WordTiming[]; timing: TimingMethod } => {
	const alignment = alignSpokenWords(input);
	if (alignment.matchedShare >= MIN_MATCHED_SHARE) return { words: alignment.words, timing: method };
	return { words: estimateWordTimings(input.text, input.language, input.durationMs), timing: 'estimated' };
};
