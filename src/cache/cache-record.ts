import { z } from 'zod';

/** Bumped when the record's layout changes; a record of another version is a miss, made again. */
export const CACHE_RECORD_VERSION = 1;

/** `<key>.meta.json`: the data file of an entry, its size and hash, and what the stage that made it says about it. */
export const cacheRecordSchema = z.object({
	// records written before versions existed have none; their layout is version 1's, so they are read as it
	version: z.literal(CACHE_RECORD_VERSION).default(CACHE_RECORD_VERSION),
	file: z.string().min(1),
	bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	meta: z.record(z.string(), z.unknown()),
});

export type CacheRecord<Meta> = Omit<z.output<typeof cacheRecordSchema>, 'meta'> & { readonly meta: Meta };

/** What each field's failure says in the warning. */
const REASONS: Record<string, string> = {
	file: 'its record has no file name',
	bytes: 'its record has no valid size',
	sha256: 'its record has no valid sha256',
	meta: 'its record has no metadata',
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The record, or why it cannot be used (one line, for the warning). */
export const parseCacheRecord = <Meta>(text: string): { record: CacheRecord<Meta> } | { problem: string } => {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { problem: 'its record is not valid JSON' };
	}
	if (!isObject(parsed)) return { problem: 'its record is not a JSON object' };
	const { version } = parsed;
	if (version !== undefined && version !== CACHE_RECORD_VERSION) {
		const newer = typeof version === 'number' && version > CACHE_RECORD_VERSION;
		return {
			problem: `its record is version ${JSON.stringify(version)}, ${newer ? 'newer than' : 'not'} the version ${CACHE_RECORD_VERSION} this reelsmith reads`,
		};
	}
	const result = cacheRecordSchema.safeParse(parsed);
	if (result.success) return { record: result.data as CacheRecord<Meta> };
	const issue = result.error.issues[0]!;
	const field = String(issue.path[0] ?? '');
	return { problem: REASONS[field] ?? `its record is not valid (${issue.path.join('.') || 'record'}: ${issue.message})` };
};
