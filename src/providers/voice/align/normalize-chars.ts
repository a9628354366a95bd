import { TRADITIONAL_TO_SIMPLIFIED } from './traditional-chars';

const CHINESE_DIGITS: Readonly<Record<string, string>> = {
	零: '0',
	〇: '0',
	一: '1',
	二: '2',
	两: '2',
	三: '3',
	四: '4',
	五: '5',
	六: '6',
	七: '7',
	八: '8',
	九: '9',
};

/**
 * The characters that matter when comparing what was said with what was written: letters and digits,
 * NFKC-folded (full-width forms) and lower-cased, traditional Chinese as simplified, Chinese digits as
 * Arabic ones ("二零二四" meets "2024"). Both sides are folded alike, so a fold can only add matches.
 */
export const normalizeChars = (text: string): string[] => {
	const chars: string[] = [];
	for (const char of text.normalize('NFKC').toLowerCase()) {
		if (!/[\p{L}\p{N}]/u.test(char)) continue;
		const simplified = TRADITIONAL_TO_SIMPLIFIED.get(char) ?? char;
		chars.push(CHINESE_DIGITS[simplified] ?? simplified);
	}
	return chars;
};
