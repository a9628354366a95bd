/**
 * Width of text in em for the caption font (Noto Sans CJK, bold). Deliberately a little generous,
 * so lines paged with it always fit when drawn. Pure, so paging is the same in Node and the browser.
 */
const WIDE =
	/[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const NARROW = /[ilj.,;:!'|`]/;
const EXTRA_WIDE = /[MWmw@%&]/;

export const charWidthEm = (char: string): number => {
	if (WIDE.test(char)) return 1;
	if (char === ' ') return 0.3;
	if (NARROW.test(char)) return 0.32;
	if (EXTRA_WIDE.test(char)) return 0.95;
	if (/[A-Z]/.test(char)) return 0.74;
	if (/[0-9]/.test(char)) return 0.62;
	return 0.62;
};

export const textWidthEm = (text: string): number => {
	let width = 0;
	for (const char of text) width += charWidthEm(char);
	return width;
};

export const isWideChar = (char: string): boolean => WIDE.test(char);
