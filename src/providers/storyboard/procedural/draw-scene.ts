import { createCanvas } from '@napi-rs/canvas';
import { fnv1a } from '../../../timeline/hash';
import type { StoryboardRequest } from '../storyboard-provider';
import { drawFigure, figureBox, figureDesign, sheetBackground } from './character-figure';
import { css } from './color';
import { finish } from './finish';
import type { Frame } from './frame';
import { detectLook } from './looks';
import { chooseMotif, type MotifName } from './motif-choice';
import { MOTIFS } from './motifs/index';
import { paletteFor } from './palette';
import { createRng } from './prng';

export const JPEG_QUALITY = 90;

export type SceneDesign = { readonly motif: MotifName; readonly seed: number };

/** Palette and subject come from the scene alone; the take only reshuffles the composition. */
export const designScene = (request: StoryboardRequest): SceneDesign => ({
	motif: chooseMotif(request.prompt),
	seed: fnv1a([request.prompt, request.style, request.stylePrompt ?? ''].join('\u241f')),
});

const pixels = (value: number, name: string) => {
	const n = Math.round(value);
	if (!Number.isFinite(n) || n < 16 || n > 8192) throw new Error(`storyboard ${name} must be 16–8192 pixels, got ${value}`);
	return n;
};

/** A character sheet: the character's figure alone, centred on a plain background. */
const drawSheet = async (sheet: NonNullable<StoryboardRequest['sheetOf']>, width: number, height: number, take: number): Promise<Buffer> => {
	const design = figureDesign(sheet.name, sheet.description);
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = css(sheetBackground(design, take));
	ctx.fillRect(0, 0, width, height);
	drawFigure(ctx, design, figureBox(design, width, height, 'centre'));
	return canvas.encode('jpeg', JPEG_QUALITY);
};

/**
 * Paints one scene and returns JPEG bytes: the same request always gives the same bytes. The characters it
 * names (`references`) stand over the finished picture, each in its own place and colours in every scene; the
 * reference pictures' bytes are not read, the figure comes from the name and description.
 */
export const drawScene = async (request: StoryboardRequest): Promise<Buffer> => {
	const width = pixels(request.size.width, 'width');
	const height = pixels(request.size.height, 'height');
	if (request.sheetOf) return drawSheet(request.sheetOf, width, height, Number.isFinite(request.take) ? Math.max(0, Math.floor(request.take)) : 0);
	const { motif, seed } = designScene(request);
	const sceneRng = createRng(seed);
	const take = Number.isFinite(request.take) ? Math.max(0, Math.floor(request.take)) : 0;
	const rng = createRng((seed ^ Math.imul(take + 1, 0x85ebca6b)) >>> 0);
	const look = detectLook(request.stylePrompt ?? '', request.prompt);
	const palette = paletteFor(request.style, look, sceneRng.range(-7, 7));
	// the light swaps sides on every new take, so a redo is visibly a new composition
	const side = (sceneRng.int(0, 2) + take) % 2;
	const portrait = height > width * 1.15;
	const lean = portrait ? rng.range(0.26, 0.4) : rng.range(0.22, 0.36);
	const canvas = createCanvas(width, height);
	const frame: Frame = {
		ctx: canvas.getContext('2d'),
		width,
		height,
		unit: Math.min(width, height),
		px: Math.min(width, height) / 1000,
		portrait,
		palette,
		look,
		rng,
		focusX: width * (side === 0 ? lean : 1 - lean),
	};
	MOTIFS[motif](frame);
	finish(frame);
	for (const reference of request.references ?? []) {
		const design = figureDesign(reference.name, reference.description);
		drawFigure(frame.ctx, design, figureBox(design, width, height, { ...(reference.index !== undefined ? { index: reference.index } : {}) }));
	}
	return canvas.encode('jpeg', JPEG_QUALITY);
};
