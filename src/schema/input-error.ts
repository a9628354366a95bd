import type { Problem } from './problems';

/** Bad input from the person running a command: printed as a list of problems, exit code 2. */
export class InputError extends Error {
	constructor(
		readonly source: string,
		readonly problems: readonly Problem[],
	) {
		super(`${source}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
		this.name = 'InputError';
	}
}
