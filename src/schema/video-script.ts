import { z } from 'zod';
import { boundedText, filePath, flag, ifList, ifString, number } from './fields';
import { motionNameSchema } from './motions';
import { aspectRatioSchema, platformNameSchema, PLATFORMS } from './platforms';
import { themeOverrideSchema } from './theme-override';
import { scriptTransitionSchema } from './transitions';

/** A scene lasts at most 120 s; 1000 characters is more than anyone speaks in that, in any language. */
export const MAX_NARRATION_CHARS = 1000;
export const MAX_TITLE_CHARS = 200;
export const MAX_OVERLAY_CHARS = 100;
export const MAX_PROMPT_CHARS = 2000;
export const MAX_SCENE_ID = 9999;
/** 300 scenes of 6 s is 30 minutes; longer videos are made in parts. */
export const MAX_SCENES = 300;
export const MAX_STYLE_CHARS = 100;
export const MAX_STYLE_PROMPT_CHARS = 500;
export const MAX_VOICE_CHARS = 100;
export const MAX_MUSIC_STYLE_CHARS = 100;
export const MAX_CHARACTERS = 20;
export const MAX_CHARACTER_NAME_CHARS = 40;
export const MAX_CHARACTER_DESCRIPTION_CHARS = 500;
const MAX_DURATION_TARGET = Math.max(...Object.values(PLATFORMS).map((p) => p.maxDurationSeconds));

/** Longer clips are rarely meant for one scene (at most 120 s) and cost decoding time to seek into. */
export const MAX_CLIP_SECONDS = 600;

const FPS_RULE = 'a whole number from 1 to 60, such as 30';

const kindOf = (value: unknown) => (Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

const characterDescription = boundedText(
	'character description',
	MAX_CHARACTER_DESCRIPTION_CHARS,
	'keep what every picture must show: face, hair, clothes, colours',
);

/** A character: its description, or the description and a picture of it (`reference`) that every scene naming it is drawn from. */
const characterEntrySchema = z.union(
	[
		characterDescription,
		z
			.object(
				{
					description: characterDescription,
					reference: filePath('reference')
						.optional()
						.describe('A picture of the character (PNG, JPEG or WebP) next to the script; a character sheet is generated when absent.'),
				},
				{
					error: (issue) =>
						issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}; a character takes only "description" and "reference"` : undefined,
				},
			)
			.strict(),
	],
	{
		// zod names neither branch when both fail: say what an object entry lacks, or what an entry may be
		error: (issue) => {
			const input = issue.input;
			const inner = (issue as { errors?: readonly (readonly { path: PropertyKey[]; message: string }[])[] }).errors?.[1]?.[0];
			if (inner && typeof input === 'object' && input !== null && !Array.isArray(input)) {
				return inner.path.length > 0 ? `${inner.path.join('.')}: ${inner.message}` : inner.message;
			}
			return `each character must be a description, such as "a girl with a red scarf", or {"description": "…", "reference": "mia.png"}, not ${kindOf(input)}`;
		},
	},
);

/** One scene as the seed (§2.1) writes it, plus optional per-scene overrides. */
export const sceneScriptSchema = z
	.object(
		{
			scene_id: number('scene_id', 'a whole number such as 1')
				// checked first, and stops the others, so 1e20 reads "too large", not "not a whole number"
				.max(MAX_SCENE_ID, { error: `scene_id must be at most ${MAX_SCENE_ID}; number the scenes 1, 2, 3, …`, abort: true })
				.int({ error: 'scene_id must be a whole number such as 1', abort: true })
				.positive('scene_id must be 1 or more')
				// never reached (the first check stops larger ones); it keeps the JSON Schema's maximum, which .int() resets
				.max(MAX_SCENE_ID),
			narration: boundedText('narration', MAX_NARRATION_CHARS, 'split it into more scenes').describe('Voice-over text of the scene, in the script language.'),
			visual_description: boundedText('visual_description', MAX_PROMPT_CHARS, 'shorten the image prompt').describe(
				'Image prompt: specific and detailed, suitable for AI image generation.',
			),
			duration: number('duration', 'a number of seconds, such as 8')
				.min(1, "duration must be at least 1 second; give the scene's length in seconds, such as 8")
				.max(120, 'duration must be at most 120 seconds; split long scenes')
				.describe('Scripted length in seconds; the voice may lengthen it.'),
			text_overlay: boundedText('text_overlay', MAX_OVERLAY_CHARS, 'keep the on-screen phrase short and say the rest in the narration')
				.default('')
				.describe('Short on-screen key phrase.'),
			transition: scriptTransitionSchema.default('fade').describe('Transition into this scene.'),
			image: filePath('image').optional().describe('Your own image for this scene, instead of a generated one.'),
			audio: filePath('audio').optional().describe('Your own narration audio for this scene.'),
			motion: motionNameSchema.optional().describe('Ken Burns move; chosen from the scene when absent.'),
			video: filePath('video').optional().describe('Your own video clip for this scene, instead of an image: cover-fit, trimmed or looped to the scene.'),
			video_start: number('video_start', 'a number of seconds into the clip, such as 2.5')
				.min(0, 'video_start must be 0 or more seconds into the clip')
				.max(MAX_CLIP_SECONDS, `video_start must be at most ${MAX_CLIP_SECONDS} seconds`)
				.optional()
				.describe('Seconds into the clip where the scene starts; 0 when absent.'),
			loop: flag('loop').optional().describe('Play the clip again when the scene outlasts it (default true); false holds its last frame.'),
			muted: flag('muted').optional().describe("Leave out the clip's own sound (default true); false mixes it under the narration, ducked like the music."),
		},
		{
			error: (issue) =>
				`each scene must be an object, not ${kindOf(issue.input)}; write it as {"scene_id": 1, "narration": "…", "visual_description": "…", "duration": 8}`,
		},
	)
	.superRefine((scene, ctx) => {
		if (scene.video !== undefined && scene.image !== undefined)
			ctx.addIssue({ code: 'custom', path: ['video'], message: 'a scene takes an image or a video, not both; remove one of them' });
		if (scene.video === undefined) {
			for (const field of ['video_start', 'loop', 'muted'] as const) {
				if (scene[field] !== undefined)
					ctx.addIssue({ code: 'custom', path: [field], message: `${field} applies only to a scene's video; add "video" or remove ${field}` });
			}
		}
	})
	.describe('A scene: narration, an image prompt and a length.');

export const videoScriptSchema = z
	.object(
		{
			title: boundedText('title', MAX_TITLE_CHARS, 'shorten the title')
				.trim()
				.min(1, { error: 'title is empty; give the video a title', ...ifString }),
			duration_target: number('duration_target', 'a number of seconds, such as 60')
				.positive('duration_target must be more than 0 seconds')
				.max(
					MAX_DURATION_TARGET,
					`duration_target must be at most ${MAX_DURATION_TARGET} seconds, the longest any platform takes; give the intended length, such as 60`,
				),
			style: boundedText('style', MAX_STYLE_CHARS, 'name the tone in a few words, such as informative')
				.default('informative')
				.describe('Tone of the video, e.g. informative, story, humorous.'),
			theme: themeOverrideSchema.optional(),
			scenes: z
				.array(sceneScriptSchema, {
					error: (issue) =>
						issue.input === undefined
							? 'missing scenes; add a list of scene objects'
							: `scenes must be a list of scene objects, not ${kindOf(issue.input)}; wrap them in [ … ]`,
				})
				.min(1, { error: 'scenes is empty; add at least one scene', ...ifList })
				.max(MAX_SCENES, {
					error: (issue) => `scenes has ${(issue.input as readonly unknown[]).length} scenes, at most ${MAX_SCENES}; split the video into parts`,
					...ifList,
				}),
			music_style: boundedText('music_style', MAX_MUSIC_STYLE_CHARS, 'describe the music in a few words, such as "upbeat electronic, 120 BPM"').optional(),
			target_platform: platformNameSchema.default('douyin'),
			language: z
				.string({ error: 'language must be a BCP 47 tag such as zh-CN or en' })
				.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language must be a BCP 47 tag such as zh-CN or en')
				.optional()
				.describe('Language of the narration; detected from the text when absent.'),
			voice: boundedText('voice', MAX_VOICE_CHARS, 'give only the name of the voice, such as alloy').optional().describe('Voice name for the TTS provider.'),
			style_prompt: boundedText('style_prompt', MAX_STYLE_PROMPT_CHARS, 'keep the medium, palette, lighting and lens, and put the rest in visual_description')
				.optional()
				.describe('Locked style suffix appended to every image prompt.'),
			characters: z
				.record(
					boundedText('character name', MAX_CHARACTER_NAME_CHARS, 'use a short name, such as "Mia"').min(1, {
						error: 'a character name is empty; name the character, such as "Mia"',
						...ifString,
					}),
					characterEntrySchema,
					{
						error: (issue) =>
							issue.code === 'invalid_key'
								? (issue.issues[0]?.message ?? 'a character name is invalid; name the character, such as "Mia"')
								: `characters must be an object mapping each name to a description, such as {"Mia": "a girl with a red scarf"}, not ${kindOf(issue.input)}`,
					},
				)
				.superRefine((characters, ctx) => {
					const count = Object.keys(characters).length;
					if (count > MAX_CHARACTERS) {
						ctx.addIssue({
							code: 'custom',
							message: `characters has ${count} characters, at most ${MAX_CHARACTERS}; keep the ones who recur and describe the others in visual_description`,
						});
					}
				})
				.meta({ maxProperties: MAX_CHARACTERS })
				.optional()
				.describe(
					'Character name → description (or {"description", "reference"}), injected into prompts of scenes that mention the name; those scenes are drawn with the reference picture.',
				),
			music: filePath('music').optional().describe('Background music file.'),
			aspect_ratio: aspectRatioSchema.optional().describe("Overrides the platform's preferred aspect ratio."),
			fps: number('fps', FPS_RULE)
				.int({ error: `fps must be ${FPS_RULE}`, abort: true })
				.min(1, `fps must be ${FPS_RULE}`)
				.max(60, `fps must be ${FPS_RULE}`)
				.default(30),
		},
		{
			error: (issue) => `the script must be a JSON object, not ${kindOf(issue.input)}; write it as {"title": "…", "duration_target": 60, "scenes": [ … ]}`,
		},
	)
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
export type CharacterEntry = z.infer<typeof characterEntrySchema>;
