import type { Problem } from '../../schema/problems';

/** A request the service refuses: the HTTP status it maps to, a message, and every problem by path. */
export class ServiceError extends Error {
	constructor(
		readonly status: 400 | 401 | 404 | 405 | 409 | 413 | 415,
		message: string,
		readonly problems: readonly Problem[] = [],
	) {
		super(message);
		this.name = 'ServiceError';
	}
}

export const invalid = (problems: readonly Problem[]) =>
	new ServiceError(400, `invalid request: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
