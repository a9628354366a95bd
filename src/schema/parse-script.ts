import { problemsFromZod, type Problem } from './problems';
import { videoScriptSchema, type VideoScript } from './video-script';

export type ParseResult = { ok: true; script: VideoScript } | { ok: false; problems: Problem[] };

const lineAndColumn = (text: string, position: number) => {
	const before = text.slice(0, position);
	const line = before.split('\n').length;
	const column = position - before.lastIndexOf('\n');
	return { line, column };
};

/**
 * Offset of the first JSON syntax error in `text`, or null if it has none. Used when the engine's message
 * gives no position (V8's "Unexpected token 'x', "…" is not valid JSON", e.g. for a trailing comma in a list).
 */
export const firstJsonErrorOffset = (text: string): number | null => {
	let i = 0;
	const fail = (at: number): never => {
		throw at;
	};
	const ws = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
	};
	const literal = (word: string) => {
		for (const char of word) {
			if (text[i] !== char) fail(i);
			i++;
		}
	};
	const string = () => {
		i++;
		for (;;) {
			const char = text[i];
			if (char === undefined || char < ' ') fail(i);
			if (char === '"') return void i++;
			if (char === '\\') {
				const escape = text[i + 1];
				if (escape === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
					i += 6;
				} else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i += 2;
				else fail(i);
			} else i++;
		}
	};
	const digits = () => {
		if (!/[0-9]/.test(text[i] ?? '')) fail(i);
		while (/[0-9]/.test(text[i] ?? '')) i++;
	};
	const number = () => {
		if (text[i] === '-') i++;
		if (text[i] === '0') i++;
		else digits();
		if (text[i] === '.') {
			i++;
			digits();
		}
		if (text[i] === 'e' || text[i] === 'E') {
			i++;
			if (text[i] === '+' || text[i] === '-') i++;
			digits();
		}
	};
	const value = (): void => {
		ws();
		const char = text[i];
		if (char === '{' || char === '[') {
			const close = char === '{' ? '}' : ']';
			i++;
			ws();
			if (text[i] === close) return void i++;
			for (;;) {
				if (close === '}') {
					ws();
					if (text[i] !== '"') fail(i);
					string();
					ws();
					if (text[i] !== ':') fail(i);
					i++;
				}
				value();
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === close) return void i++;
				else fail(i);
			}
		}
		if (char === '"') return string();
		if (char === 't') return literal('true');
		if (char === 'f') return literal('false');
		if (char === 'n') return literal('null');
		number();
	};
	try {
		value();
		ws();
		return i < text.length ? i : null;
	} catch (at) {
		if (typeof at === 'number') return at;
		// nesting deeper than the stack (V8's own parser is not recursive): the caller falls back to the end
		if (at instanceof RangeError) return null;
		throw at;
	}
};

const NOT_JSON_VALUE = /^(?:NaN|Infinity|undefined)\b/;

/** Explains a JSON.parse failure by line and column, whichever way V8 phrases it. */
export const describeJsonSyntaxError = (text: string, error: SyntaxError): Problem => {
	const detail = error.message
		.replace(/\s*\(line \d+ column \d+\)/, '')
		.replace(/ in JSON at position \d+.*$/, '')
		.replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '');
	const lc = /line (\d+) column (\d+)/.exec(error.message);
	const pos = /position (\d+)/.exec(error.message);
	const offset = pos ? Number(pos[1]) : (firstJsonErrorOffset(text) ?? text.length);
	const where = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : lineAndColumn(text, offset);
	const word = NOT_JSON_VALUE.exec(text.slice(offset))?.[0];
	return {
		path: `line ${where.line}, column ${where.column}`,
		message: word
			? `invalid JSON: ${word} is not a JSON value; write a number such as 8 there`
			: `invalid JSON: ${detail}; check for a missing comma, quote or bracket there`,
	};
};

export const parseScriptValue = (value: unknown): ParseResult => {
	const result = videoScriptSchema.safeParse(value);
	return result.success ? { ok: true, script: result.data } : { ok: false, problems: problemsFromZod(result.error) };
};

const EXAMPLE = '{"title": "…", "duration_target": 60, "scenes": [ … ]}';

/** Problems with the file as a whole, before any JSON syntax: empty, or not UTF-8 text (read as UTF-8, UTF-16 has NULs). */
const fileProblem = (source: string): Problem | null => {
	if (source.trim() === '') return { path: '(file)', message: `the file is empty; write the script as a JSON object such as ${EXAMPLE}` };
	if (source.includes('\u0000') || source.startsWith('\uFFFD')) {
		return { path: '(file)', message: 'the file is not UTF-8 text (it looks like UTF-16 or binary data); save the script as UTF-8 JSON' };
	}
	return null;
};

/** Parses script JSON text and validates it, reporting every problem at once. */
export const parseScriptText = (text: string): ParseResult => {
	const source = text.replace(/^\uFEFF/, '');
	let value: unknown;
	try {
		value = JSON.parse(source);
	} catch (error) {
		if (!(error instanceof SyntaxError)) throw error;
		return { ok: false, problems: [fileProblem(source) ?? describeJsonSyntaxError(source, error)] };
	}
	return parseScriptValue(value);
};
