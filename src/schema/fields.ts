import { z } from 'zod';
import { findHostileCharacter, type HostileCharacter } from './hostile-text';
import { quote } from './quote';

type Payload = { readonly value: unknown };

// zod runs its length checks on anything with a length, even after the type check failed, so "title": []
// would also read "title is empty": pass these to .min() to run it only on the right type.
export const ifString = { when: (payload: Payload) => typeof payload.value === 'string' };
export const ifList = { when: (payload: Payload) => Array.isArray(payload.value) };

const codePoints = (value: string) => [...value].length;

const hostileMessage = (what: string, bad: HostileCharacter) => `${what} must not contain ${bad.label} at character ${bad.position}; ${bad.fix}`;

const string = (what: string) => z.string({ error: (issue) => (issue.input === undefined ? `missing ${what}` : `${what} must be a string`) });

/** Free text: any script, emoji included, but no control or bidi-override characters. */
export const text = (what: string) =>
	string(what).superRefine((value, ctx) => {
		const bad = findHostileCharacter(value);
		if (bad) ctx.addIssue({ code: 'custom', message: hostileMessage(what, bad) });
	});

/** `text` of at most `max` characters (code points, so an emoji counts once); `fix` says how to shorten it. */
export const boundedText = (what: string, max: number, fix: string) =>
	text(what)
		.superRefine((value, ctx) => {
			const length = codePoints(value);
			if (length > max) ctx.addIssue({ code: 'custom', message: `${what} must be at most ${max} characters (it has ${length}); ${fix}` });
		})
		// JSON Schema's maxLength counts code points too, so editors and LLM prompts see the same limit
		.meta({ maxLength: max });

export const filePath = (what: string) =>
	string(what)
		.superRefine((value, ctx) => {
			const bad = findHostileCharacter(value, false);
			if (bad) ctx.addIssue({ code: 'custom', message: hostileMessage(what, bad) });
		})
		.trim()
		.min(1, { error: `${what} is empty; give a file path relative to the script, or remove the field`, ...ifString });

/**
 * A number whose every failure names the field and an example: missing, not a number, or not finite
 * (JSON has no NaN or Infinity, but 1e400 parses to Infinity).
 */
export const number = (what: string, example: string) =>
	z.number({
		error: (issue) => {
			const input = issue.input;
			if (input === undefined) return `missing ${what}; give ${example}`;
			if (typeof input === 'number') return `${what} must be a finite number; give ${example}`;
			if (typeof input === 'string' && input.trim() !== '' && Number.isFinite(Number(input))) {
				return `${what} must be a number, not the string ${quote(input)}; write it without quotes`;
			}
			return `${what} must be ${example}`;
		},
	});

/** true or false, not the string "true". */
export const flag = (what: string) =>
	z.boolean({
		error: (issue) =>
			typeof issue.input === 'string'
				? `${what} must be true or false, not the string ${quote(issue.input)}; write it without quotes`
				: `${what} must be true or false`,
	});
