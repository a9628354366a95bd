import { z } from 'zod';
import { platformNameSchema } from '../../../schema/platforms';
import { transitionNameSchema } from '../../../schema/transitions';
import { MAX_SCENE_ID } from '../../../schema/video-script';

/**
 * The script as the model writes it: the seed's fields (§2.1) plus `language` and `style_prompt`.
 * Strict structured outputs need every field present, so the two extensions are nullable and the others
 * (voice, characters, files) are left out. Length limits live in descriptions, not minLength/maxLength,
 * which strict mode does not support; `videoScriptSchema` checks them after conversion.
 */
export const llmSceneSchema = z.object({
	scene_id: z.number().int().min(1).max(MAX_SCENE_ID).describe('1, 2, 3, … in order.'),
	narration: z.string().describe('Voice-over of the scene, in the script language, speakable within its duration.'),
	visual_description: z.string().describe('Detailed image prompt in English, at least 30 characters: subject, setting, composition, camera, lighting.'),
	duration: z.number().describe('Length of the scene in seconds, 5 to 12.'),
	text_overlay: z.string().describe('Short on-screen key phrase, in the script language.'),
	transition: transitionNameSchema.describe('Transition into this scene; fade_in for the first.'),
});

export const llmScriptSchema = z.object({
	title: z.string().describe('Catchy title, in the script language.'),
	duration_target: z.number().describe('Target length of the video in seconds.'),
	style: z.string().describe('Tone, e.g. informative, story, humorous.'),
	scenes: z.array(llmSceneSchema).describe('The scenes in order; their durations add up to duration_target.'),
	music_style: z.string().describe('Background music: genre, mood, tempo, e.g. "upbeat electronic, 120 BPM".'),
	target_platform: platformNameSchema,
	language: z.string().nullable().describe('BCP 47 tag of the narration, such as zh-CN or en.'),
	style_prompt: z.string().nullable().describe('One visual style suffix shared by every image prompt: medium, palette, lighting, lens.'),
});

export type LlmScript = z.infer<typeof llmScriptSchema>;

/** Name of the response format; servers show it in logs and errors. */
export const LLM_SCRIPT_SCHEMA_NAME = 'video_script';

/** The same schema as plain JSON Schema, for servers that only take `json_object` and read it in the prompt. */
export const llmScriptJsonSchema = () => z.toJSONSchema(llmScriptSchema, { target: 'draft-7' });
