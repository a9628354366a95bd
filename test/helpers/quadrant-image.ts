import { createCanvas, loadImage } from '@napi-rs/canvas';

export type Rgb = readonly [number, number, number];

/** Quadrant colours of the fake generated picture, and the square drawn over its centre. */
export const QUADRANTS = {
	topLeft: [220, 30, 30],
	topRight: [30, 200, 30],
	bottomLeft: [30, 60, 220],
	bottomRight: [230, 210, 20],
} as const satisfies Record<string, Rgb>;
export const SQUARE: Rgb = [250, 250, 250];

const css = ([r, g, b]: Rgb) => `rgb(${r},${g},${b})`;

/**
 * A picture with a distinct colour in each quadrant and a centred white square whose side is half the
 * shorter edge: crops show as lost quadrant area, stretching as a square turned rectangle.
 */
export const quadrantImage = async (width: number, height: number, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> => {
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	const [w2, h2] = [width / 2, height / 2];
	ctx.fillStyle = css(QUADRANTS.topLeft);
	ctx.fillRect(0, 0, w2, h2);
	ctx.fillStyle = css(QUADRANTS.topRight);
	ctx.fillRect(w2, 0, w2, h2);
	ctx.fillStyle = css(QUADRANTS.bottomLeft);
	ctx.fillRect(0, h2, w2, h2);
	ctx.fillStyle = css(QUADRANTS.bottomRight);
	ctx.fillRect(w2, h2, w2, h2);
	const side = Math.min(width, height) / 2;
	ctx.fillStyle = css(SQUARE);
	ctx.fillRect(w2 - side / 2, h2 - side / 2, side, side);
	return format === 'png' ? canvas.encode('png') : canvas.encode('jpeg', 95);
};

export type Decoded = { readonly width: number; readonly height: number; readonly at: (x: number, y: number) => Rgb };

/** Decodes image bytes with @napi-rs/canvas for pixel checks. */
export const decodeImage = async (bytes: Uint8Array): Promise<Decoded> => {
	const image = await loadImage(Buffer.from(bytes));
	const canvas = createCanvas(image.width, image.height);
	const ctx = canvas.getContext('2d');
	ctx.drawImage(image, 0, 0);
	const { data } = ctx.getImageData(0, 0, image.width, image.height);
	return {
		width: image.width,
		height: image.height,
		at: (x, y) => {
			const i = (Math.round(y) * image.width + Math.round(x)) * 4;
			return [data[i]!, data[i + 1]!, data[i + 2]!];
		},
	};
};

export const near = (a: Rgb, b: Rgb, tolerance = 24): boolean => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

/** Length of the run of `colour` through (x, y), along a row or a column. */
export const runLength = (image: Decoded, x: number, y: number, axis: 'row' | 'column', colour: Rgb): number => {
	const limit = axis === 'row' ? image.width : image.height;
	const start = axis === 'row' ? x : y;
	let length = 1;
	for (const dir of [-1, 1]) {
		for (let i = start + dir; i >= 0 && i < limit; i += dir) {
			const [px, py] = axis === 'row' ? [i, y] : [x, i];
			if (!near(image.at(px, py), colour, 40)) break;
			length++;
		}
	}
	return length;
};
