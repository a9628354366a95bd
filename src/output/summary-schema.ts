import { z } from 'zod';
import { platformNameSchema } from '../schema/platforms';

/** Bumped when summary.json's layout changes (docs/summary.md describes every field). */
export const SUMMARY_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** One platform's render, as `platforms.<name>`. */
export const platformRenderSummarySchema = z.object({
	/** The MP4, relative to summary.json. */
	video: z.string(),
	durationInFrames: count,
	width: count,
	height: count,
	fps: finite,
	sizeBytes: count,
	renderWallMs: finite,
	renderFps: finite,
	draft: z.boolean(),
	/** Identifies the props, settings and drawing code the video was made from (see render-key.ts). */
	renderKey: z.string().optional(),
	/** Which engine drew it (`web` or `screenshot`): chosen by what the browser can encode unless --renderer forced it. */
	engine: z.string().optional(),
});

/**
 * summary.json: one file per video. Later stages add their own sections (stages, scenes, cost, loudness, lambda)
 * next to `platforms`; their shapes belong to those stages, so they pass through unchecked here.
 */
export const videoSummarySchema = z.looseObject({
	// summaries written before versions existed have none; their layout is version 1's, so they are read as it
	version: z.literal(SUMMARY_VERSION).default(SUMMARY_VERSION),
	title: z.string(),
	slug: z.string(),
	/** Every platform's video, relative to summary.json, in the order of `platforms`. */
	outputs: z.array(z.string()),
	platforms: z.partialRecord(platformNameSchema, platformRenderSummarySchema),
});
