import type { z } from 'zod';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export type Parsed<T> =
	{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string; readonly raw: unknown; readonly otherVersion: boolean };

/**
 * A persisted JSON file's text checked against its schema, or why it cannot be used, in a few words. A `version`
 * other than `current` is refused before the shape is looked at; a missing one is left to the schema, whose
 * default reads files written before versions existed as version 1.
 */
export const parsePersisted = <S extends z.ZodType>(text: string, schema: S, current: number): Parsed<z.output<S>> => {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'not valid JSON', raw: undefined, otherVersion: false };
	}
	if (!isObject(raw)) return { ok: false, problem: 'not a JSON object', raw, otherVersion: false };
	const { version } = raw;
	if (version !== undefined && version !== current) {
		const newer = typeof version === 'number' && version > current;
		return {
			ok: false,
			problem: `version ${JSON.stringify(version)}, ${newer ? 'newer than' : 'not'} the version ${current} this reelsmith reads`,
			raw,
			otherVersion: true,
		};
	}
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, value: result.data };
	const issue = result.error.issues[0]!;
	return { ok: false, problem: `${issue.path.join('.') || 'file'}: ${issue.message}`, raw, otherVersion: false };
};
