import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Look } from './looks';
import type { Palette } from './palette';
import type { Rng } from './prng';

/** Everything a motif needs to paint one picture. Sizes scale with `unit` so shapes keep their proportions in any aspect. */
export type Frame = {
	readonly ctx: SKRSContext2D;
	readonly width: number;
	readonly height: number;
	/** The shorter side: shapes are sized in it, never in width or height alone. */
	readonly unit: number;
	/** One thousandth of `unit`: line widths and small details. */
	readonly px: number;
	readonly portrait: boolean;
	readonly palette: Palette;
	readonly look: Look;
	readonly rng: Rng;
	/** Where the light and the main mass lean; the side flips from take to take. */
	readonly focusX: number;
};

export type Motif = (frame: Frame) => void;
