import type { RgbImage } from './decode-image';

/** Peak signal-to-noise ratio over a region, in dB: above ~25 the two pictures look the same. */
export const psnr = (a: RgbImage, b: RgbImage, box = { left: 0, top: 0, width: a.width, height: a.height }): number => {
	let sum = 0;
	for (let y = box.top; y < box.top + box.height; y++) {
		for (let x = box.left; x < box.left + box.width; x++) {
			const i = (y * a.width + x) * 3;
			for (let c = 0; c < 3; c++) sum += (a.pixels[i + c]! - b.pixels[i + c]!) ** 2;
		}
	}
	const mse = sum / (box.width * box.height * 3);
	return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
};
