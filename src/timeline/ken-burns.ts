import { MOTION_NAMES, type MotionName } from '../schema/motions';
import { fnv1a } from './hash';

/**
 * A frame of Ken Burns motion. The image is first scaled to cover the frame (object-fit: cover),
 * then `scale` is applied about the centre and the result moved by (x, y), in fractions of the frame size.
 */
export type KenBurnsTransform = { readonly scale: number; readonly x: number; readonly y: number };

/** Largest zoom of any motion: images are pre-scaled to output size × this. */
export const KEN_BURNS_MAX_SCALE = 1.12;

const easeInOut = (t: number) => t * t * (3 - 2 * t);
const lerp = (from: number, to: number, t: number) => from + (to - from) * t;

/** Panning stays a little inside the allowed travel so rounding never shows an edge. */
const PAN_TRAVEL = ((KEN_BURNS_MAX_SCALE - 1) / 2) * 0.9;

export const kenBurnsAt = (motion: MotionName, progress: number): KenBurnsTransform => {
	const t = easeInOut(Math.min(1, Math.max(0, progress)));
	const full = KEN_BURNS_MAX_SCALE;
	switch (motion) {
		case 'zoom_in':
			return { scale: lerp(1, full, t), x: 0, y: 0 };
		case 'zoom_out':
			return { scale: lerp(full, 1, t), x: 0, y: 0 };
		case 'pan_left':
			return { scale: full, x: lerp(PAN_TRAVEL, -PAN_TRAVEL, t), y: 0 };
		case 'pan_right':
			return { scale: full, x: lerp(-PAN_TRAVEL, PAN_TRAVEL, t), y: 0 };
		case 'pan_up':
			return { scale: full, x: 0, y: lerp(PAN_TRAVEL, -PAN_TRAVEL, t) };
		case 'pan_down':
			return { scale: full, x: 0, y: lerp(-PAN_TRAVEL, PAN_TRAVEL, t) };
	}
};

/** How far the moved image reaches past the frame on its tightest side; negative means an uncovered edge. */
export const coverageMargin = ({ scale, x, y }: KenBurnsTransform): number =>
	Math.min(scale / 2 - Math.abs(x) - 0.5, scale / 2 - Math.abs(y) - 0.5);

export const kenBurnsCss = ({ scale, x, y }: KenBurnsTransform): string =>
	`translate(${(x * 100).toFixed(4)}%, ${(y * 100).toFixed(4)}%) scale(${scale.toFixed(5)})`;

/** The script's motion if it names one, else one chosen from the scene itself, so reruns match. */
export const chooseMotion = (scene: { scene_id: number; visual_description: string; motion?: MotionName }): MotionName =>
	scene.motion ?? MOTION_NAMES[fnv1a(`${scene.scene_id}:${scene.visual_description}`) % MOTION_NAMES.length]!;
