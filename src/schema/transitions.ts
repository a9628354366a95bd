import { z } from 'zod';
import { oneOf } from './one-of';

/** The seed's transition names (cut, fade, dissolve, slide and wipe, plus `fade_in` for the opening scene). Remotion factories live in the transition table. */
export const TRANSITION_NAMES = ['fade_in', 'fade', 'slide_left', 'slide_right', 'dissolve', 'wipe_right', 'zoom_in'] as const;

export type TransitionName = (typeof TRANSITION_NAMES)[number];

export const transitionNameSchema = oneOf(TRANSITION_NAMES, 'transition');
export type TransitionNameSchema = z.infer<typeof transitionNameSchema>;
