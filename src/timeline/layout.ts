import type { AspectRatio } from '../schema/platforms';
import type { FocusPoint } from './ken-burns';

/** A box in pixels of the output frame. */
export type Box = { readonly left: number; readonly top: number; readonly width: number; readonly height: number };

export type Layout = {
	/** Captions are drawn bottom-aligned inside this box. */
	readonly captions: Box & { readonly fontSize: number; readonly maxLines: number; readonly maxLineWidthEm: number };
	readonly overlay: Box & { readonly fontSize: number };
	/** Where Ken Burns motion zooms and pans about, in fractions of the frame (not pixels). */
	readonly kenBurnsFocus: FocusPoint;
};

type Fractions = {
	readonly captions: { left: number; right: number; bottom: number; lines: number; font: number };
	readonly overlay: { left: number; right: number; top: number; font: number };
	readonly kenBurnsFocus: FocusPoint;
};

/**
 * Safe areas per aspect. On 9:16 the app draws its buttons down the right edge and the description
 * over the bottom fifth, so captions sit above that and clear of the right column, and the picture's
 * motion centres on the upper middle of that column, between overlay and captions. On 16:9 it centres a
 * little above the middle, where the eye rests over the captions; 1:1 keeps the centre.
 */
const FRACTIONS: Readonly<Record<AspectRatio, Fractions>> = {
	'9:16': {
		captions: { left: 0.07, right: 0.17, bottom: 0.25, lines: 2, font: 0.034 },
		overlay: { left: 0.07, right: 0.17, top: 0.12, font: 0.042 },
		kenBurnsFocus: { x: 0.45, y: 0.38 },
	},
	'16:9': {
		captions: { left: 0.12, right: 0.12, bottom: 0.08, lines: 2, font: 0.052 },
		overlay: { left: 0.06, right: 0.3, top: 0.08, font: 0.068 },
		kenBurnsFocus: { x: 0.5, y: 0.45 },
	},
	'1:1': {
		captions: { left: 0.08, right: 0.08, bottom: 0.09, lines: 2, font: 0.052 },
		overlay: { left: 0.08, right: 0.08, top: 0.08, font: 0.064 },
		kenBurnsFocus: { x: 0.5, y: 0.5 },
	},
};

/** Padding inside the caption plate, in em on each side. */
export const CAPTION_PADDING_EM = 0.5;
export const CAPTION_LINE_HEIGHT = 1.35;

export const layoutFor = (aspect: AspectRatio, width: number, height: number): Layout => {
	const f = FRACTIONS[aspect];
	const captionFont = Math.round(height * f.captions.font);
	const captionLeft = Math.round(width * f.captions.left);
	const captionWidth = Math.round(width * (1 - f.captions.left - f.captions.right));
	const captionHeight = Math.ceil(captionFont * (CAPTION_LINE_HEIGHT * f.captions.lines + 2 * CAPTION_PADDING_EM));
	const overlayFont = Math.round(height * f.overlay.font);
	return {
		captions: {
			left: captionLeft,
			width: captionWidth,
			top: Math.round(height * (1 - f.captions.bottom)) - captionHeight,
			height: captionHeight,
			fontSize: captionFont,
			maxLines: f.captions.lines,
			maxLineWidthEm: captionWidth / captionFont - 2 * CAPTION_PADDING_EM,
		},
		overlay: {
			left: Math.round(width * f.overlay.left),
			width: Math.round(width * (1 - f.overlay.left - f.overlay.right)),
			top: Math.round(height * f.overlay.top),
			height: Math.round(overlayFont * 3),
			fontSize: overlayFont,
		},
		kenBurnsFocus: f.kenBurnsFocus,
	};
};
