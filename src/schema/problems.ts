import type { z } from 'zod';
import { quote } from './quote';

/** One thing wrong with an input, located by its JSON path (e.g. `scenes[1].transition`). */
export type Problem = { readonly path: string; readonly message: string };

const PLAIN_KEY = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** Keys that are not plain names (empty, dotted, invisible characters: record keys come from the input) are quoted. */
export const formatPath = (path: readonly PropertyKey[]): string =>
	path.reduce<string>((acc, key) => {
		if (typeof key === 'number') return `${acc}[${key}]`;
		const name = String(key);
		if (!PLAIN_KEY.test(name)) return `${acc}[${quote(name)}]`;
		return acc === '' ? name : `${acc}.${name}`;
	}, '');

export const problemsFromZod = (error: z.ZodError): Problem[] =>
	error.issues.map((issue) => ({ path: formatPath(issue.path) || '(root)', message: issue.message }));

export const formatProblems = (source: string, problems: readonly Problem[]): string =>
	[`${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, ...problems.map((p) => `  - ${p.path}: ${p.message}`)].join('\n');
