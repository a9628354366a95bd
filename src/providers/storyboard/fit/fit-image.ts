import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import type { Size } from '../../../schema/platforms';
import { placeCentred, type Rect } from './placement';

export type FitMode = 'crop' | 'extend';

export const FIT_JPEG_QUALITY = 90;

const pixels = (value: number, name: string) => {
	if (!Number.isInteger(value) || value < 1 || value > 16384) throw new Error(`fitImage: ${name} must be a whole number of pixels, got ${value}`);
	return value;
};

const decode = async (bytes: Uint8Array): Promise<Image> => {
	try {
		return await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
	} catch (error) {
		throw new Error(`fitImage: the image could not be decoded (${error instanceof Error ? error.message : String(error)})`);
	}
};

/**
 * Brings a generated picture to exactly `size`, as JPEG. 'crop' covers the frame and trims the overflow
 * evenly; 'extend' keeps the whole picture and fills the bars with a blurred, darkened copy of it, which
 * reads as a deliberate backdrop rather than letterboxing. Neither ever stretches.
 */
export const fitImage = async (bytes: Uint8Array, size: Size, mode: FitMode): Promise<Uint8Array> => {
	const width = pixels(size.width, 'width');
	const height = pixels(size.height, 'height');
	const image = await decode(bytes);
	const source = { width: image.width, height: image.height };
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.imageSmoothingEnabled = true;
	ctx.imageSmoothingQuality = 'high';
	const draw = (r: Rect) => ctx.drawImage(image, r.x, r.y, r.width, r.height);

	if (mode === 'crop') {
		draw(placeCentred(source, size, 'cover'));
	} else {
		const blur = Math.max(4, Math.round(Math.max(width, height) * 0.03));
		// blurring pulls transparency in from the edges, so the backdrop overhangs the frame by three radii
		const overhang = blur * 3;
		const backdrop = placeCentred(source, { width: width + overhang * 2, height: height + overhang * 2 }, 'cover');
		ctx.fillStyle = '#000';
		ctx.fillRect(0, 0, width, height);
		ctx.filter = `blur(${blur}px) brightness(0.55)`;
		draw({ ...backdrop, x: backdrop.x - overhang, y: backdrop.y - overhang });
		ctx.filter = 'none';
		draw(placeCentred(source, size, 'contain'));
	}
	return canvas.encode('jpeg', FIT_JPEG_QUALITY);
};
