import type { Problem } from '../../schema/problems';

/**
 * The machine or its configuration cannot do the run (no ffmpeg, no usable browser, too little disk, a model the
 * service no longer serves): found before anything is made or paid for, printed as a list of problems, each with
 * how to fix it, exit code 1 (the input itself was fine).
 */
export class EnvironmentError extends Error {
	readonly source = 'environment';

	constructor(readonly problems: readonly Problem[]) {
		super(`environment: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
		this.name = 'EnvironmentError';
	}
}
