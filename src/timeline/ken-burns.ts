import { MOTION_NAMES, type MotionName } from '../schema/motions';
import { fnv1a } from './hash';

/**
 * A frame of Ken Burns motion. The image is first scaled to cover the frame (object-fit: cover),
 * then `scale` is applied about the centre and the result moved by (x, y), in fractions of the frame size.
 */
export type KenBurnsTransform = { readonly scale: number; readonly x: number; readonly y: number };

/** Where the subject should stay while the picture moves, in fractions of the frame from its top left. */
export type FocusPoint = { readonly x: number; readonly y: number };

export const FRAME_CENTRE: FocusPoint = { x: 0.5, y: 0.5 };

/** Largest zoom of any motion: images are pre-scaled to output size × this. */
export const KEN_BURNS_MAX_SCALE = 1.12;

const easeInOut = (t: number) => t * t * (3 - 2 * t);
const lerp = (from: number, to: number, t: number) => from + (to - from) * t;
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** Motion stays a little inside what coverage allows, so rounding never shows an edge. */
const SAFETY = 0.9;
const PAN_TRAVEL = ((KEN_BURNS_MAX_SCALE - 1) / 2) * SAFETY;
/** A focus is kept in the middle half of the frame, so a pan about it still travels most of its way. */
const FOCUS_REACH = 0.25;
const clampFocus = (v: number) => 0.5 + Math.min(FOCUS_REACH, Math.max(-FOCUS_REACH, v - 0.5));

/**
 * The move, along one axis, that turns a zoom about the centre into a zoom about `focus`: the focus stays put.
 * Its size is (scale − 1) × |focus − ½|, under the (scale − 1) / 2 that would uncover an edge.
 */
const anchorOffset = (focus: number, scale: number) => (1 - scale) * (focus - 0.5);

/** A pan at full zoom, centred on the focus, travelling as far as coverage allows on both sides of it. */
const panAlong = (centre: number, t: number, sign: 1 | -1) => {
	const half = Math.max(0, PAN_TRAVEL - Math.abs(centre));
	return lerp(centre - sign * half, centre + sign * half, t);
};

/**
 * Every motion zooms about `focus` (the aspect's, from its layout); a pan is that full zoom moved evenly to
 * either side, so its middle frame is the zoom's last. Every edge stays covered at any progress.
 */
export const kenBurnsAt = (motion: MotionName, progress: number, focus: FocusPoint): KenBurnsTransform => {
	const t = easeInOut(clamp01(progress));
	const full = KEN_BURNS_MAX_SCALE;
	const fx = clampFocus(focus.x);
	const fy = clampFocus(focus.y);
	const zoom = (scale: number): KenBurnsTransform => ({ scale, x: anchorOffset(fx, scale), y: anchorOffset(fy, scale) });
	const held = zoom(full);
	switch (motion) {
		case 'zoom_in':
			return zoom(lerp(1, full, t));
		case 'zoom_out':
			return zoom(lerp(full, 1, t));
		case 'pan_left':
			return { ...held, x: panAlong(held.x, t, -1) };
		case 'pan_right':
			return { ...held, x: panAlong(held.x, t, 1) };
		case 'pan_up':
			return { ...held, y: panAlong(held.y, t, -1) };
		case 'pan_down':
			return { ...held, y: panAlong(held.y, t, 1) };
	}
};

/** How far the moved image reaches past the frame on its tightest side; negative means an uncovered edge. */
export const coverageMargin = ({ scale, x, y }: KenBurnsTransform): number => Math.min(scale / 2 - Math.abs(x) - 0.5, scale / 2 - Math.abs(y) - 0.5);

export const kenBurnsCss = ({ scale, x, y }: KenBurnsTransform): string =>
	`translate(${(x * 100).toFixed(4)}%, ${(y * 100).toFixed(4)}%) scale(${scale.toFixed(5)})`;

/** The script's motion if it names one, else one chosen from the scene itself, so reruns match. */
export const chooseMotion = (scene: { scene_id: number; visual_description: string; motion?: MotionName }): MotionName =>
	scene.motion ?? MOTION_NAMES[fnv1a(`${scene.scene_id}:${scene.visual_description}`) % MOTION_NAMES.length]!;
