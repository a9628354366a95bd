/** Invisible bidi controls: they reorder how text displays, so a caption or file name can read as something else. */
const BIDI_CONTROLS: Readonly<Record<number, string>> = {
	0x202a: 'LEFT-TO-RIGHT EMBEDDING',
	0x202b: 'RIGHT-TO-LEFT EMBEDDING',
	0x202c: 'POP DIRECTIONAL FORMATTING',
	0x202d: 'LEFT-TO-RIGHT OVERRIDE',
	0x202e: 'RIGHT-TO-LEFT OVERRIDE',
	0x2066: 'LEFT-TO-RIGHT ISOLATE',
	0x2067: 'RIGHT-TO-LEFT ISOLATE',
	0x2068: 'FIRST STRONG ISOLATE',
	0x2069: 'POP DIRECTIONAL ISOLATE',
};

export type HostileCharacter = {
	/** e.g. "U+202E" */
	readonly codePoint: string;
	/** 1-based, counted in characters (code points), as an editor's column would be. */
	readonly position: number;
	/** What it is, e.g. "the invisible bidi control U+202E RIGHT-TO-LEFT OVERRIDE". */
	readonly label: string;
	/** How to fix it. */
	readonly fix: string;
};

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

const classify = (code: number, allowLineBreaks: boolean): Omit<HostileCharacter, 'position'> | null => {
	const codePoint = hex(code);
	if (code >= 0xd800 && code <= 0xdfff) {
		return { codePoint, label: `a lone surrogate ${codePoint} (half of an emoji or other character)`, fix: 'retype that character or delete it' };
	}
	const bidi = BIDI_CONTROLS[code];
	if (bidi) {
		return { codePoint, label: `the invisible bidi control ${codePoint} ${bidi}`, fix: 'delete it (it can disguise text by reordering it on screen)' };
	}
	const lineBreak = code === 0x0a || code === 0x09;
	if ((code < 0x20 && !(allowLineBreaks && lineBreak)) || (code >= 0x7f && code <= 0x9f)) {
		const allowed = allowLineBreaks ? 'only line breaks \\n and tabs may appear' : 'a file path has none';
		return { codePoint, label: `the control character ${codePoint}`, fix: `delete it (${allowed})` };
	}
	return null;
};

/**
 * The first character of `text` that has no business in a caption, title or path: a C0/C1 control
 * (line breaks and tabs allowed where `allowLineBreaks`), an invisible bidi control, or half of a
 * surrogate pair. Emoji, Arabic, Hebrew and the direction marks U+200E/U+200F that such text uses pass.
 */
export const findHostileCharacter = (text: string, allowLineBreaks = true): HostileCharacter | null => {
	let position = 0;
	for (const char of text) {
		position++;
		const code = char.codePointAt(0)!;
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0xdfff)) {
			const found = classify(code, allowLineBreaks);
			if (found) return { position, ...found };
		}
	}
	return null;
};
