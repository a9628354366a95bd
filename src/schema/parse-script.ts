import { problemsFromZod, type Problem } from './problems';
import { videoScriptSchema, type VideoScript } from './video-script';

export type ParseResult = { ok: true; script: VideoScript } | { ok: false; problems: Problem[] };

const lineAndColumn = (text: string, position: number) => {
	const before = text.slice(0, position);
	const line = before.split('\n').length;
	const column = position - before.lastIndexOf('\n');
	return { line, column };
};

/** Explains a JSON.parse failure by line and column, whichever way V8 phrases it. */
export const describeJsonSyntaxError = (text: string, error: SyntaxError): Problem => {
	const detail = error.message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '');
	const lc = /line (\d+) column (\d+)/.exec(error.message);
	const pos = /position (\d+)/.exec(error.message);
	const where = lc
		? { line: Number(lc[1]), column: Number(lc[2]) }
		: pos
			? lineAndColumn(text, Number(pos[1]))
			: lineAndColumn(text, text.length);
	return {
		path: `line ${where.line}, column ${where.column}`,
		message: `invalid JSON: ${detail}; check for a missing comma, quote or bracket there`,
	};
};

export const parseScriptValue = (value: unknown): ParseResult => {
	const result = videoScriptSchema.safeParse(value);
	return result.success ? { ok: true, script: result.data } : { ok: false, problems: problemsFromZod(result.error) };
};

/** Parses script JSON text and validates it, reporting every problem at once. */
export const parseScriptText = (text: string): ParseResult => {
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		if (error instanceof SyntaxError) return { ok: false, problems: [describeJsonSyntaxError(text, error)] };
		throw error;
	}
	return parseScriptValue(value);
};

