import { z } from 'zod';
import { loudnessSchema, renderFiguresSchema } from './render-record';

/** Bumped when render.json's layout changes; a record of another version vouches for nothing (the package is made again). */
export const PACKAGE_RECORD_VERSION = 1;

/** render.json: the package's own record of the render it holds, written last into the staging folder. */
export const packageRecordSchema = z.object({
	// records written before versions existed have none; their layout is version 1's, so they are read as it
	version: z.literal(PACKAGE_RECORD_VERSION).default(PACKAGE_RECORD_VERSION),
	renderKey: z.string().min(1),
	draft: z.boolean(),
	render: renderFiguresSchema.omit({ file: true }),
	loudness: loudnessSchema.optional(),
});
