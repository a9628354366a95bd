import { z } from 'zod';
import { PROVIDER_NAMES } from '../../providers/provider-factory';
import { platformNameSchema } from '../../schema/platforms';
import { problemsFromZod, type Problem } from '../../schema/problems';
import { motionNameSchema } from '../../schema/motions';
import { transitionNameSchema } from '../../schema/transitions';

/** Options of a video job: the CLI flags of make and render, as JSON. */
export const videoOptionsSchema = z
	.strictObject({
		platforms: z.array(platformNameSchema).min(1).max(3).optional().describe('Platforms to render natively; default the script\u2019s target_platform.'),
		llm: z.enum(PROVIDER_NAMES.llm).optional(),
		tts: z.string().max(100).optional().describe('A voice or a fallback chain such as "edge,espeak".'),
		images: z.enum(PROVIDER_NAMES.images).optional(),
		draft: z.boolean().optional(),
		renderer: z.enum(['web', 'screenshot']).optional(),
		maxCost: z.number().min(0).max(10_000).optional().describe('US dollars this job may spend (--max-cost).'),
		duration: z.number().min(5).max(600).optional().describe('Seconds, for a topic or an article (--duration).'),
		style: z.string().min(1).max(100).optional(),
		music: z.string().min(1).max(1000).optional().describe('A music file on the server, relative to the project folder and inside it (--music).'),
	})
	.describe('The flags of npm run make / render.');

const ARTICLE_MAX_CHARS = 2 ** 20;

/** POST /api/videos: exactly one of a script, a topic or an article's text, with options. A bare script is accepted too. */
export const createVideoRequestSchema = z
	.strictObject({
		script: z.unknown().optional().describe('A script in the seed format (schema/video-script.schema.json).'),
		topic: z.string().trim().min(1).max(500).optional(),
		article: z.string().trim().min(1).max(ARTICLE_MAX_CHARS).optional().describe('Markdown or plain text.'),
		options: videoOptionsSchema.optional(),
	})
	.superRefine((value, ctx) => {
		const given = (['script', 'topic', 'article'] as const).filter((key) => value[key] !== undefined);
		if (given.length !== 1) {
			ctx.addIssue({ code: 'custom', message: `give exactly one of script, topic or article${given.length > 1 ? `, not ${given.join(' and ')}` : ''}` });
		}
	});

export type CreateVideoRequest = z.infer<typeof createVideoRequestSchema>;
export type VideoOptions = z.infer<typeof videoOptionsSchema>;

/** A body that is itself a script (curl -d @examples/ai-tools-douyin.json) is read as `{ script: body }`. */
export const parseCreateVideoRequest = (body: unknown): { ok: true; request: CreateVideoRequest } | { ok: false; problems: Problem[] } => {
	const looksLikeScript = typeof body === 'object' && body !== null && !Array.isArray(body) && 'scenes' in body && !('script' in body);
	const result = createVideoRequestSchema.safeParse(looksLikeScript ? { script: body } : body);
	return result.success ? { ok: true, request: result.data } : { ok: false, problems: problemsFromZod(result.error) };
};

/** PATCH …/scenes/:sceneId: the fields a person edits on a scene card, named as in the script. */
export const sceneEditSchema = z
	.strictObject({
		narration: z.string().optional(),
		text_overlay: z.string().optional(),
		motion: motionNameSchema.optional(),
		transition: transitionNameSchema.optional(),
		visual_description: z.string().optional(),
	})
	.refine((edit) => Object.keys(edit).length > 0, 'give at least one of narration, text_overlay, motion, transition, visual_description');

export type SceneEdit = z.infer<typeof sceneEditSchema>;

export const redoRequestSchema = z.strictObject({ asset: z.enum(['voice', 'image']) });
