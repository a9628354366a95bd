import { z } from 'zod';

/**
 * The parts of Pexels' search answers this provider reads, as https://www.pexels.com/api/documentation/
 * describes them ("The Photo Resource", "The Video Resource"). Anything else in an answer is ignored; a
 * missing field the choice needs fails the search with the field's path.
 */
const photoSchema = z.object({
	id: z.number(),
	width: z.number().int().min(1),
	height: z.number().int().min(1),
	/** The photo's page on pexels.com: the link back the guidelines ask for. */
	url: z.string().min(1),
	photographer: z.string(),
	photographer_url: z.string(),
	alt: z.string().nullish(),
	src: z.object({
		original: z.string().min(1),
		large2x: z.string().min(1),
		large: z.string().min(1),
		medium: z.string().min(1),
		small: z.string().min(1),
		portrait: z.string().min(1),
		landscape: z.string().min(1),
		tiny: z.string().min(1),
	}),
});

const videoFileSchema = z.object({
	id: z.number(),
	quality: z.string().nullish(),
	file_type: z.string(),
	// null for HLS playlists, which have no one size
	width: z.number().int().nullish(),
	height: z.number().int().nullish(),
	fps: z.number().nullish(),
	link: z.string().min(1),
});

const videoSchema = z.object({
	id: z.number(),
	width: z.number().int().min(1),
	height: z.number().int().min(1),
	/** Whole seconds. */
	duration: z.number().min(0),
	url: z.string().min(1),
	user: z.object({ name: z.string(), url: z.string() }),
	video_files: z.array(videoFileSchema),
});

export const photoSearchSchema = z.object({ photos: z.array(photoSchema) });
export const videoSearchSchema = z.object({ videos: z.array(videoSchema) });

export type PexelsPhoto = z.infer<typeof photoSchema>;
export type PexelsVideo = z.infer<typeof videoSchema>;
export type PexelsVideoFile = z.infer<typeof videoFileSchema>;

/** Parses an answer, naming the first field that is not as documented. */
export const parseAnswer = <T>(schema: z.ZodType<T>, answer: unknown, what: string): T => {
	const parsed = schema.safeParse(answer);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0]!;
	throw new Error(`${what} answered something Pexels does not document: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
};
