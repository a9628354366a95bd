import type { SKRSContext2D } from '@napi-rs/canvas';
import { fnv1a } from '../../../timeline/hash';
import { adjust, BLACK, css, mix, type Rgb } from './color';
import { createRng } from './prng';

/** The character as the offline storyboard draws it: every trait from a hash of its name and description. */
export type FigureDesign = {
	readonly body: Rgb;
	readonly accent: Rgb;
	readonly skin: Rgb;
	readonly hair: Rgb;
	readonly legs: Rgb;
	readonly outline: Rgb;
	/** 0: dress, 1: coat, 2: round cloak. */
	readonly build: 0 | 1 | 2;
	/** Figure height in units of the frame's shorter side. */
	readonly stature: number;
	/** One of the frame's columns, so a character stands in the same place in every scene. */
	readonly column: number;
	readonly longHair: boolean;
};

/** Where the figures may stand, as a share of the frame's width. */
export const FIGURE_COLUMNS = [0.2, 0.35, 0.5, 0.65, 0.8] as const;
const COLUMN_GAP = 0.15;
/** Width over height of a figure. */
const FIGURE_ASPECT = 0.42;

const SKINS: readonly Rgb[] = [
	[245, 214, 189],
	[224, 180, 140],
	[186, 130, 92],
	[120, 82, 58],
];

export const figureDesign = (name: string, description: string): FigureDesign => {
	const rng = createRng(fnv1a(`${name}\u241f${description}`));
	const hue = rng.range(0, 360);
	const body = adjust([200, 60, 60], { hue, saturation: rng.range(0.55, 0.85), lightness: () => rng.range(0.38, 0.55) });
	const accent = adjust(body, { hue: rng.range(120, 240), lightness: () => rng.range(0.5, 0.68) });
	const hair = adjust([90, 60, 30], { hue: rng.range(-30, 30), lightness: () => rng.range(0.08, 0.45) });
	return {
		body,
		accent,
		skin: rng.pick(SKINS),
		hair,
		legs: mix(body, BLACK, 0.6),
		outline: mix(body, BLACK, 0.8),
		build: rng.int(0, 3) as 0 | 1 | 2,
		stature: rng.range(0.5, 0.62),
		column: rng.int(0, FIGURE_COLUMNS.length),
		longHair: rng.chance(0.5),
	};
};

/** The figure's box in whole pixels: its size and place depend only on the frame's size and the design. */
export type FigureBox = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

/**
 * Where the figure stands: `index` (the character's place in the script's list) picks its column, so up to five
 * characters never overlap; without it, the design's own column. `centre`: the middle of a character sheet.
 */
export const figureBox = (design: FigureDesign, frameWidth: number, frameHeight: number, place: { index?: number } | 'centre' = {}): FigureBox => {
	const centre = place === 'centre';
	const unit = Math.min(frameWidth, frameHeight);
	// narrower than the space between columns, so figures side by side never overlap
	const width = Math.round(Math.min(unit * (centre ? 0.8 : design.stature) * FIGURE_ASPECT, centre ? frameWidth : frameWidth * COLUMN_GAP * 0.9));
	const height = Math.round(width / FIGURE_ASPECT);
	const column = !centre && place.index !== undefined && place.index >= 0 ? place.index % FIGURE_COLUMNS.length : design.column;
	const middle = centre ? frameWidth / 2 : frameWidth * FIGURE_COLUMNS[column]!;
	const bottom = centre ? frameHeight * 0.9 : frameHeight * 0.94;
	return { x: Math.round(middle - width / 2), y: Math.round(bottom - height), width, height };
};

/** Paints the figure in flat colours inside its box; nothing outside the box is touched. */
export const drawFigure = (ctx: SKRSContext2D, design: FigureDesign, box: FigureBox): void => {
	const { x, y, width: w, height: h } = box;
	const cx = x + w / 2;
	const line = Math.max(1, h * 0.012);
	ctx.save();
	ctx.lineJoin = 'round';
	ctx.lineWidth = line;
	ctx.strokeStyle = css(design.outline);
	const shape = (fill: Rgb, path: () => void) => {
		ctx.beginPath();
		path();
		ctx.fillStyle = css(fill);
		ctx.fill();
		ctx.stroke();
	};
	const headR = h * 0.1;
	const headY = y + line + headR;
	const shoulders = y + h * 0.24;
	const hem = y + h * 0.72;
	// legs
	for (const side of [-1, 1]) shape(design.legs, () => ctx.rect(cx + side * w * 0.12 - w * 0.07, hem - line, w * 0.14, y + h - line - hem));
	// body
	shape(design.body, () => {
		if (design.build === 0) {
			ctx.moveTo(cx - w * 0.2, shoulders);
			ctx.lineTo(cx + w * 0.2, shoulders);
			ctx.lineTo(cx + w * 0.46, hem);
			ctx.lineTo(cx - w * 0.46, hem);
		} else if (design.build === 1) {
			ctx.rect(cx - w * 0.3, shoulders, w * 0.6, hem - shoulders);
		} else {
			ctx.ellipse(cx, (shoulders + hem) / 2, w * 0.4, (hem - shoulders) / 2, 0, 0, Math.PI * 2);
		}
		ctx.closePath();
	});
	// arms
	for (const side of [-1, 1]) {
		shape(design.body, () => ctx.rect(cx + side * w * 0.38 - w * 0.06, shoulders + h * 0.02, w * 0.12, h * 0.3));
		shape(design.skin, () => ctx.arc(cx + side * w * 0.38, shoulders + h * 0.34, w * 0.06, 0, Math.PI * 2));
	}
	// scarf
	shape(design.accent, () => ctx.rect(cx - w * 0.24, shoulders - h * 0.03, w * 0.48, h * 0.06));
	// hair behind the head, then the head, then the fringe
	if (design.longHair) shape(design.hair, () => ctx.rect(cx - headR * 1.1, headY - headR * 0.2, headR * 2.2, headR * 1.8));
	shape(design.skin, () => ctx.arc(cx, headY, headR, 0, Math.PI * 2));
	shape(design.hair, () => {
		ctx.arc(cx, headY, headR, Math.PI, Math.PI * 2);
		ctx.closePath();
	});
	ctx.restore();
};

/** A plain background for the sheet: soft, from the figure's own colours; the take shifts it, so a new take is a new file. */
export const sheetBackground = (design: FigureDesign, take: number): Rgb =>
	adjust(mix(design.accent, [240, 240, 236], 0.8), { hue: take * 47, lightness: (l) => Math.max(l, 0.86) });
