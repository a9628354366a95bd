import type { Caption } from '@remotion/captions';
import { zColor } from '@remotion/zod-types';
import { z } from 'zod';
import { motionNameSchema } from './motions';
import { aspectRatioSchema, platformNameSchema } from './platforms';
import { transitionNameSchema } from './transitions';

/** A `Caption` of @remotion/captions; times are ms from the start of the scene's narration. */
export const captionSchema = z.object({
	text: z.string(),
	startMs: z.number().min(0),
	endMs: z.number().min(0),
	timestampMs: z.number().nullable(),
	confidence: z.number().min(0).max(1).nullable(),
}) satisfies z.ZodType<Caption>;

/** A path inside the bundle's public folder, or an http(s) URL (Lambda). */
const assetSrc = z.string().min(1, 'asset src is empty');

/** A gain at a frame (of the video, or of the scene for a clip), interpolated linearly between keyframes. */
export const gainKeyframeSchema = z.object({ frame: z.number().min(0), gain: z.number().min(0).max(1) });

/** A clip shown instead of an image: cover-fit at the layout's focus, trimmed or looped to the scene. */
export const sceneVideoSchema = z.object({
	src: assetSrc,
	/** The clip's own size: the cover box is computed from it, the same on every engine. */
	width: z.number().int().min(1),
	height: z.number().int().min(1),
	/** Frames of the file from `startFrom` to its end; the scene loops or holds it when longer. */
	durationInFrames: z.number().int().min(1),
	startFrom: z.number().int().min(0),
	loop: z.boolean(),
	muted: z.boolean(),
	/** Gain of the clip's own sound at each frame of the scene, ducked under the narration like the music. */
	volume: z.array(gainKeyframeSchema).min(1),
});

export const scenePropsSchema = z.object({
	id: z.number().int().positive(),
	durationInFrames: z.number().int().min(1),
	transition: z.object({
		name: transitionNameSchema,
		durationInFrames: z.number().int().min(0),
	}),
	motion: motionNameSchema,
	overlay: z.string(),
	narration: z.string(),
	captions: z.array(captionSchema),
	image: z.object({ src: assetSrc }).nullable(),
	/** Absent in props written before clips existed. */
	video: sceneVideoSchema.nullable().default(null),
	audio: z.object({ src: assetSrc, durationInFrames: z.number().int().min(1) }).nullable(),
	/** Seeds the designed background drawn when there is no image. */
	backdropSeed: z.number().int().min(0),
});

export const themeSchema = z.object({
	background: zColor(),
	primary: zColor(),
	accent: zColor(),
	text: zColor(),
	highlight: zColor(),
});

/** A music bed looped under the whole video; `volume` ducks it under the narration. */
export const musicPropsSchema = z.object({
	src: assetSrc,
	/** Length of the file itself; the bed loops to the video's length. */
	durationInFrames: z.number().int().min(1),
	volume: z.array(gainKeyframeSchema).min(1),
});

/** The fully resolved input of the ShortVideo composition. Built only by build-props. */
export const videoPropsSchema = z.object({
	title: z.string(),
	platform: platformNameSchema,
	aspectRatio: aspectRatioSchema,
	fps: z.number().int().min(1).max(60),
	language: z.string(),
	theme: themeSchema,
	scenes: z.array(scenePropsSchema).min(1),
	music: musicPropsSchema.nullable(),
});

export type CaptionToken = Caption;
/** What a voice measures and captions page by: a caption's word and times, without Remotion's extras. */
export type WordTiming = Readonly<Pick<Caption, 'text' | 'startMs' | 'endMs'>>;
export type SceneProps = z.infer<typeof scenePropsSchema>;
export type SceneVideo = z.infer<typeof sceneVideoSchema>;
export type MusicProps = z.infer<typeof musicPropsSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type VideoProps = z.infer<typeof videoPropsSchema>;
