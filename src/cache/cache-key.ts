import { createHash } from 'node:crypto';

export type CacheKeyParts = {
	readonly stage: string;
	readonly provider: string;
	readonly model: string;
	readonly input: unknown;
	readonly options?: unknown;
};

/** Object keys sorted and undefined dropped, so equal inputs always serialise to equal text. */
const canonical = (value: unknown): unknown => {
	if (Array.isArray(value)) return value.map(canonical);
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.filter((key) => (value as Record<string, unknown>)[key] !== undefined)
				.map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
		);
	}
	return value;
};

/** DESIGN §5: an asset's key is sha256 of (stage, provider, model, input, options). */
export const cacheKey = (parts: CacheKeyParts): string =>
	createHash('sha256')
		.update(JSON.stringify(canonical(parts)))
		.digest('hex');
