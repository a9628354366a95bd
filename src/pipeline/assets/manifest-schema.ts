import { z } from 'zod';

/** Bumped when the manifest's layout changes; one of another version is treated as absent. */
export const MANIFEST_VERSION = 1;

const manifestEntrySchema = z.object({
	key: z.string(),
	/** Relative to the cache root. */
	file: z.string(),
	provider: z.string(),
	model: z.string(),
	take: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** out/<slug>/manifest.json: which cached asset each scene uses, and which take. */
export const manifestSchema = z.object({
	// manifests written before versions existed have none; their layout is version 1's, so they are read as it
	version: z.literal(MANIFEST_VERSION).default(MANIFEST_VERSION),
	/** The cache folder, relative to the manifest. */
	cache: z.string(),
	/** By scene id. */
	scenes: z.record(z.string(), z.object({ voice: manifestEntrySchema.optional(), image: manifestEntrySchema.optional() })),
	/** By character name: the character sheet each character's scenes are drawn from (absent before sheets existed). */
	characters: z.record(z.string(), manifestEntrySchema).optional(),
});
