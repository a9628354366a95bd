import type { Size } from '../../../schema/platforms';

export type Rect = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

/**
 * Where a picture lands in a frame at one uniform scale, centred: 'cover' fills the frame and overflows it,
 * 'contain' fits inside it. Width and height scale alike, so nothing is ever stretched.
 */
export const placeCentred = (source: Size, frame: Size, mode: 'cover' | 'contain'): Rect => {
	const fit = mode === 'cover' ? Math.max : Math.min;
	const scale = fit(frame.width / source.width, frame.height / source.height);
	const width = source.width * scale;
	const height = source.height * scale;
	return { x: (frame.width - width) / 2, y: (frame.height - height) / 2, width, height };
};
