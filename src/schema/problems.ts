import type { z } from 'zod';

/** One thing wrong with an input, located by its JSON path (e.g. `scenes[1].transition`). */
export type Problem = { readonly path: string; readonly message: string };

export const formatPath = (path: readonly PropertyKey[]): string =>
	path.reduce<string>((acc, key) => {
		if (typeof key === 'number') return `${acc}[${key}]`;
		return acc === '' ? String(key) : `${acc}.${String(key)}`;
	}, '');

export const problemsFromZod = (error: z.ZodError): Problem[] =>
	error.issues.map((issue) => ({ path: formatPath(issue.path) || '(root)', message: issue.message }));

export const formatProblems = (source: string, problems: readonly Problem[]): string =>
	[
		`${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
		...problems.map((p) => `  - ${p.path}: ${p.message}`),
	].join('\n');
