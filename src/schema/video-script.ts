import { z } from 'zod';
import { motionNameSchema } from './motions';
import { aspectRatioSchema, platformNameSchema } from './platforms';
import { transitionNameSchema } from './transitions';

const text = (what: string) =>
	z.string({ error: (issue) => (issue.input === undefined ? `missing ${what}` : `${what} must be a string`) });

const filePath = (what: string) =>
	text(what)
		.trim()
		.min(1, `${what} is empty; give a file path relative to the script, or remove the field`);

/** One scene as the seed (§2.1) writes it, plus optional per-scene overrides. */
export const sceneScriptSchema = z
	.object({
		scene_id: z
			.number({ error: 'scene_id must be a whole number such as 1' })
			.int('scene_id must be a whole number such as 1')
			.positive('scene_id must be 1 or more'),
		narration: text('narration').describe('Voice-over text of the scene, in the script language.'),
		visual_description: text('visual_description').describe(
			'Image prompt: specific and detailed, suitable for AI image generation.',
		),
		duration: z
			.number({ error: 'duration must be a number of seconds, such as 8' })
			.min(1, 'duration must be at least 1 second')
			.max(120, 'duration must be at most 120 seconds; split long scenes')
			.describe('Scripted length in seconds; the voice may lengthen it.'),
		text_overlay: text('text_overlay').default('').describe('Short on-screen key phrase.'),
		transition: transitionNameSchema.default('fade').describe('Transition into this scene.'),
		image: filePath('image').optional().describe('Your own image for this scene, instead of a generated one.'),
		audio: filePath('audio').optional().describe('Your own narration audio for this scene.'),
		motion: motionNameSchema.optional().describe('Ken Burns move; chosen from the scene when absent.'),
	})
	.describe('A scene: narration, an image prompt and a length.');

export const videoScriptSchema = z
	.object({
		title: text('title').trim().min(1, 'title is empty; give the video a title'),
		duration_target: z
			.number({ error: 'duration_target must be a number of seconds, such as 60' })
			.positive('duration_target must be more than 0 seconds'),
		style: text('style').default('informative').describe('Tone of the video, e.g. informative, story, humorous.'),
		scenes: z
			.array(sceneScriptSchema, { error: 'scenes must be a list of scene objects' })
			.min(1, 'scenes is empty; add at least one scene'),
		music_style: text('music_style').optional(),
		target_platform: platformNameSchema.default('douyin'),
		language: z
			.string()
			.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language must be a BCP 47 tag such as zh-CN or en')
			.optional()
			.describe('Language of the narration; detected from the text when absent.'),
		voice: text('voice').optional().describe('Voice name for the TTS provider.'),
		style_prompt: text('style_prompt').optional().describe('Locked style suffix appended to every image prompt.'),
		characters: z
			.record(z.string().min(1), text('character description'))
			.optional()
			.describe('Character name → description, injected into prompts of scenes that mention the name.'),
		music: filePath('music').optional().describe('Background music file.'),
		aspect_ratio: aspectRatioSchema.optional().describe("Overrides the platform's preferred aspect ratio."),
		fps: z.number().int('fps must be a whole number').min(1).max(60).default(30),
	})
	.superRefine(
		(script, ctx) => {
			// Runs even when other fields have problems (see `when`), so the scenes may be only partly valid.
			const seen = new Map<number, number>();
			(script.scenes as readonly unknown[]).forEach((scene, index) => {
				const id = typeof scene === 'object' && scene !== null ? (scene as { scene_id?: unknown }).scene_id : undefined;
				if (typeof id !== 'number') return;
				const first = seen.get(id);
				if (first !== undefined) {
					ctx.addIssue({
						code: 'custom',
						path: ['scenes', index, 'scene_id'],
						message: `scene_id ${id} is already used by scenes[${first}]; give every scene its own id`,
					});
				} else {
					seen.set(id, index);
				}
			});
		},
		// zod skips refinements after other problems by default; report duplicate ids together with them.
		{ when: (payload) => Array.isArray((payload.value as { scenes?: unknown } | null)?.scenes) },
	)
	.describe('A short-video script in the seed format (pipeline-article §2.1) with optional extensions.');

export type VideoScript = z.infer<typeof videoScriptSchema>;
export type VideoScriptInput = z.input<typeof videoScriptSchema>;
export type SceneScript = z.infer<typeof sceneScriptSchema>;
