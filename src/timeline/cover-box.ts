import type { Size } from '../schema/platforms';
import type { FocusPoint } from './ken-burns';
import type { Box } from './layout';

/**
 * The box a clip fills to cover the frame without distortion, placed like CSS `object-position` at the
 * focus: the focus fraction of the clip lands on the same fraction of the frame, and no edge ever shows.
 * Computed here rather than with `object-fit` so every engine (DOM screenshot, canvas, Lambda) crops alike.
 */
export const coverBox = (clip: Size, frame: Size, focus: FocusPoint): Box => {
	const scale = Math.max(frame.width / clip.width, frame.height / clip.height);
	const width = clip.width * scale;
	const height = clip.height * scale;
	return { left: (frame.width - width) * focus.x, top: (frame.height - height) * focus.y, width, height };
};
