import type { TransitionPresentation } from '@remotion/transitions';
import { fade } from '@remotion/transitions/fade';
import { slide } from '@remotion/transitions/slide';
import { wipe } from '@remotion/transitions/wipe';
import type { TransitionName } from '../../schema/transitions';
import { zoomIn } from './zoom-in-presentation';

/**
 * Every seed transition name, mapped onto @remotion/transitions. Durations are data in
 * src/timeline/transition-timing.ts; dissolve is a longer cross-fade, as in the seed.
 */
export const TRANSITION_PRESENTATIONS: Readonly<Record<TransitionName, () => TransitionPresentation<Record<string, unknown>>>> = {
	fade_in: () => fade(),
	fade: () => fade(),
	dissolve: () => fade(),
	slide_left: () => slide({ direction: 'from-right' }),
	slide_right: () => slide({ direction: 'from-left' }),
	wipe_right: () => wipe({ direction: 'from-left' }),
	zoom_in: () => zoomIn(),
	// never drawn: a cut lasts 0 frames, and SceneSeries puts no transition between the scenes
	cut: () => fade(),
};
