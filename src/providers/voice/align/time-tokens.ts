import { spokenUnits } from '../../../timeline/speech-units';
import type { WordTiming } from '../voice-provider';

/** Where a token is known to be spoken, in ms from the start of the audio. */
export type Span = { readonly startMs: number; readonly endMs: number };

/** Untimed words fit into a gap at up to this multiple of the measured speaking rate, ending where speech resumes. */
const SLACK = 1.5;

const weightOf = (token: string) => Math.max(spokenUnits(token), 0.5);
const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** Splits `[fromMs, toMs]` among `indexes` in proportion to their weights. */
const share = (indexes: readonly number[], weights: readonly number[], fromMs: number, toMs: number, into: Span[]) => {
	const total = indexes.reduce((sum, k) => sum + weights[k]!, 0);
	let done = 0;
	for (const k of indexes) {
		const startMs = fromMs + ((toMs - fromMs) * done) / total;
		done += weights[k]!;
		into[k] = { startMs, endMs: fromMs + ((toMs - fromMs) * done) / total };
	}
};

/**
 * Times every token from the spans known for some of them. Known spans are made monotonic; a run of
 * untimed tokens takes the end of the gap before the next timed one at the measured speaking rate, or
 * shares its left neighbour's time when there is no gap; untimed tokens at either end extend the speech
 * at that rate. A word ends no later than the next starts, and nothing passes the end of the audio.
 */
export const timeTokens = (tokens: readonly string[], spans: readonly (Span | undefined)[], durationMs: number): WordTiming[] => {
	const limit = Math.max(0, durationMs);
	const weights = tokens.map(weightOf);
	const known: (Span | undefined)[] = [];
	let floor = 0;
	for (let k = 0; k < tokens.length; k++) {
		const span = spans[k];
		if (!span || !Number.isFinite(span.startMs) || !Number.isFinite(span.endMs)) {
			known.push(undefined);
			continue;
		}
		const startMs = clamp(span.startMs, floor, limit);
		known.push({ startMs, endMs: clamp(span.endMs, startMs, limit) });
		floor = startMs;
	}

	const timed = known.flatMap((span, k) => (span ? [{ span, weight: weights[k]! }] : []));
	const spokenMs = timed.reduce((sum, { span }) => sum + span.endMs - span.startMs, 0);
	const spokenWeight = timed.reduce((sum, { weight }) => sum + weight, 0);
	const msPerUnit = spokenMs > 0 ? spokenMs / spokenWeight : null;

	const result: Span[] = known.map((span) => span ?? { startMs: 0, endMs: 0 });
	if (msPerUnit === null) {
		share(
			tokens.map((_, k) => k),
			weights,
			0,
			limit,
			result,
		);
	} else {
		for (let from = 0; from < tokens.length;) {
			if (known[from]) {
				from++;
				continue;
			}
			let to = from;
			while (to < tokens.length && !known[to]) to++;
			const run = Array.from({ length: to - from }, (_, i) => from + i);
			const needMs = run.reduce((sum, k) => sum + weights[k]!, 0) * msPerUnit;
			const left = from > 0 ? known[from - 1] : undefined;
			const right = to < tokens.length ? known[to] : undefined;
			if (left && right) {
				const gapMs = right.startMs - left.endMs;
				if (gapMs >= needMs / 2) share(run, weights, Math.max(left.endMs, right.startMs - needMs * SLACK), right.startMs, result);
				else share([from - 1, ...run], weights, left.startMs, right.startMs, result);
			} else if (right) {
				share(run, weights, Math.max(0, right.startMs - needMs), right.startMs, result);
			} else if (left) {
				share(run, weights, left.endMs, Math.min(limit, left.endMs + needMs), result);
			}
			from = to;
		}
	}

	const ms = (value: number) => Math.min(Math.round(value), Math.floor(limit));
	let previousEnd = 0;
	return tokens.map((text, k) => {
		const startMs = Math.max(ms(result[k]!.startMs), previousEnd);
		const nextStart = k + 1 < tokens.length ? ms(result[k + 1]!.startMs) : Math.floor(limit);
		const endMs = Math.max(startMs, Math.min(ms(result[k]!.endMs), nextStart));
		previousEnd = endMs;
		return { text, startMs, endMs };
	});
};
