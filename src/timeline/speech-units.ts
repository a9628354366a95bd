import { isWideChar } from './text-width';

/** Roughly syllables: how long a token takes to say, relative to others. Pauses are counted separately. */
export const spokenUnits = (token: string): number => {
	let units = 0;
	for (const char of token) if (isWideChar(char) && /[\p{L}\p{N}]/u.test(char)) units += 1;
	for (const digits of token.match(/[0-9]+/g) ?? []) units += digits.length;
	for (const word of token.match(/[A-Za-z\u00c0-\u024f]+/g) ?? []) {
		units += Math.max(1, (word.toLowerCase().match(/[aeiouy\u00e0-\u00ff]+/g) ?? []).length);
	}
	if (token.includes('%')) units += 2;
	return units > 0 || token.trim() === '' ? units : 0.5;
};

/** Silence after a token, in the same units: longer after a sentence than after a comma. */
export const pauseUnits = (token: string): number => {
	const last = token.trimEnd().at(-1) ?? '';
	if ('。！？!?.…'.includes(last)) return 1.6;
	if ('，、；：,;:—'.includes(last)) return 0.8;
	return 0;
};

/** Typical speaking rate used to estimate narration length before any voice exists. */
export const UNITS_PER_SECOND = 4.2;
