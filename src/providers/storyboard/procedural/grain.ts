import { createCanvas } from '@napi-rs/canvas';
import type { Frame } from './frame';
import type { Rng } from './prng';

const TILE = 256;

/** Film grain from a small seeded noise tile, blended in overlay: breaks up gradient banding before JPEG. */
export const paintGrain = (f: Frame, rng: Rng, amount: number): void => {
	if (amount <= 0) return;
	const tile = createCanvas(TILE, TILE);
	const tileCtx = tile.getContext('2d');
	const image = tileCtx.createImageData(TILE, TILE);
	for (let i = 0; i < image.data.length; i += 4) {
		const v = ((rng.next() + rng.next()) / 2) * 255;
		image.data[i] = v;
		image.data[i + 1] = v;
		image.data[i + 2] = v;
		image.data[i + 3] = 255;
	}
	tileCtx.putImageData(image, 0, 0);
	const pattern = f.ctx.createPattern(tile, 'repeat');
	if (!pattern) return;
	const { ctx } = f;
	ctx.save();
	ctx.globalCompositeOperation = 'overlay';
	ctx.globalAlpha = amount;
	ctx.fillStyle = pattern;
	ctx.fillRect(0, 0, f.width, f.height);
	ctx.restore();
};
