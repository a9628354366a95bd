import { z } from 'zod';
import { oneOf } from './one-of';

/**
 * The seed's transition names (cut, fade, dissolve, slide and wipe, plus `fade_in` for the opening scene).
 * `cut` is no transition at all, the most common edit. Remotion factories live in the transition table.
 */
export const TRANSITION_NAMES = ['fade_in', 'fade', 'slide_left', 'slide_right', 'dissolve', 'wipe_right', 'zoom_in', 'cut'] as const;

export type TransitionName = (typeof TRANSITION_NAMES)[number];

/** Other names a script may use, and the transition each means. */
export const TRANSITION_ALIASES = { none: 'cut' } as const satisfies Readonly<Record<string, TransitionName>>;

/** Resolved names only: what props carry. */
export const transitionNameSchema = oneOf(TRANSITION_NAMES, 'transition');
export type TransitionNameSchema = z.infer<typeof transitionNameSchema>;

/** What a script may write: a name or an alias, read as the name. */
export const scriptTransitionSchema = oneOf(
	[...TRANSITION_NAMES, ...(Object.keys(TRANSITION_ALIASES) as (keyof typeof TRANSITION_ALIASES)[])],
	'transition',
).transform((name): TransitionName => (name in TRANSITION_ALIASES ? TRANSITION_ALIASES[name as keyof typeof TRANSITION_ALIASES] : (name as TransitionName)));
