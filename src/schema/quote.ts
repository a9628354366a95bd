const MAX_SHOWN = 40;

/**
 * A value from the input as it may appear in an error message: JSON-quoted, cut short, and with
 * invisible controls escaped, so a hostile value cannot flood or reorder the terminal.
 */
export const quote = (value: unknown): string => {
	const chars = [...(JSON.stringify(value) ?? String(value))];
	const shown = chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : chars.join('');
	return shown.replace(
		/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/gu,
		(char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
};
