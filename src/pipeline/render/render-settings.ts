import os from 'node:os';
import type { X264Preset } from '@remotion/renderer';

/** Encoder and browser settings of a render; the defaults come from `npm run bench` measurements. */
export type RenderSettings = {
	/** Renderers side by side: Remotion's browser tabs for `screenshot`, whole browsers for `web`. */
	readonly concurrency: number;
	readonly jpegQuality: number;
	readonly x264Preset: X264Preset;
	readonly crf: number;
	readonly scale: number;
	/** `web`: frames drawn and encoded inside the browser (fast); `screenshot`: Remotion's renderMedia. */
	readonly engine: RenderEngine;
	/** H.264 bits per pixel per frame for the web engine (its encoder takes a bitrate, not a crf): 0.13 is 8 Mbit/s at 1080p30, YouTube's recommended upload rate. */
	readonly webBitsPerPixel: number;
	/** Frames per chunk of a web render: a browser holds one chunk at a time, and a killed render resumes by chunk. */
	readonly chunkFrames: number;
};

export const RENDER_ENGINES = ['web', 'screenshot'] as const;
export type RenderEngine = (typeof RENDER_ENGINES)[number];

type EngineSettings = Omit<RenderSettings, 'concurrency'>;

export const FINAL_SETTINGS: EngineSettings = {
	jpegQuality: 80,
	x264Preset: 'veryfast',
	crf: 20,
	scale: 1,
	engine: 'web',
	webBitsPerPixel: 0.13,
	chunkFrames: 900,
};

/** Half-size frames and the fastest preset, for previews. */
export const DRAFT_SETTINGS: EngineSettings = {
	jpegQuality: 60,
	x264Preset: 'ultrafast',
	crf: 26,
	scale: 0.5,
	engine: 'web',
	webBitsPerPixel: 0.06,
	chunkFrames: 900,
};

/**
 * Two tabs for the screenshot engine (measured best on 2 cores). A web-engine browser keeps about two
 * cores busy by itself, its page drawing while its encoder encodes, so one browser per two cores: on
 * 2 cores one browser rendered 1.4× faster than two side by side (npm run bench).
 */
export const defaultConcurrency = (engine: RenderEngine, cores: number = os.availableParallelism()): number =>
	engine === 'web' ? Math.max(1, Math.floor(cores / 2)) : 2;

export const renderSettings = (draft: boolean, overrides: Partial<RenderSettings> = {}): RenderSettings => {
	const base = draft ? DRAFT_SETTINGS : FINAL_SETTINGS;
	return { ...base, concurrency: defaultConcurrency(overrides.engine ?? base.engine), ...overrides };
};
