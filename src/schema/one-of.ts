import { z } from 'zod';
import { quote } from './quote';

/** A closed set whose error names the bad value and lists every valid one. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
	z.enum(values, {
		error: (issue) => `${issue.input === undefined ? `missing ${what}` : `unknown ${what} ${quote(issue.input)}`}; use one of: ${values.join(', ')}`,
	});
