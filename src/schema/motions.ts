import { oneOf } from './one-of';

/** Ken Burns moves. The curves live in src/timeline/ken-burns.ts. */
export const MOTION_NAMES = ['zoom_in', 'zoom_out', 'pan_left', 'pan_right', 'pan_up', 'pan_down'] as const;

export type MotionName = (typeof MOTION_NAMES)[number];

export const motionNameSchema = oneOf(MOTION_NAMES, 'motion');
