import { describe, expect, it } from 'vitest';
import { closestGeneratedSize, sizeLabel } from '../src/providers/storyboard/fit/closest-size';
import { fitImage } from '../src/providers/storyboard/fit/fit-image';
import { decodeImage, near, QUADRANTS, quadrantImage, runLength, SQUARE } from './helpers/quadrant-image';

const GPT = [
	{ width: 1024, height: 1024 },
	{ width: 1024, height: 1536 },
	{ width: 1536, height: 1024 },
];

describe('closestGeneratedSize', () => {
	it('picks the allowed size with the nearest aspect ratio', () => {
		expect(sizeLabel(closestGeneratedSize({ width: 1210, height: 2151 }, GPT))).toBe('1024x1536');
		expect(sizeLabel(closestGeneratedSize({ width: 2151, height: 1210 }, GPT))).toBe('1536x1024');
		expect(sizeLabel(closestGeneratedSize({ width: 1210, height: 1210 }, GPT))).toBe('1024x1024');
		expect(sizeLabel(closestGeneratedSize({ width: 1080, height: 1350 }, GPT))).toBe('1024x1536');
		expect(() => closestGeneratedSize({ width: 1, height: 1 }, [])).toThrow(/no allowed sizes/);
	});

	it('breaks an aspect tie towards the larger size', () => {
		const sizes = [
			{ width: 512, height: 512 },
			{ width: 1024, height: 1024 },
		];
		expect(closestGeneratedSize({ width: 800, height: 800 }, sizes)).toEqual({ width: 1024, height: 1024 });
	});
});

describe('fitImage', () => {
	it('crop: covers a 16:9 frame from a 2:3 picture, trimming top and bottom evenly, never stretching', async () => {
		const source = await quadrantImage(1024, 1536);
		const out = await decodeImage(await fitImage(source, { width: 960, height: 540 }, 'crop'));
		expect([out.width, out.height]).toEqual([960, 540]);
		// scale 960/1024: the picture is 1440 tall, 450 px cut from top and bottom each
		expect(near(out.at(100, 100), QUADRANTS.topLeft)).toBe(true);
		expect(near(out.at(860, 100), QUADRANTS.topRight)).toBe(true);
		expect(near(out.at(100, 440), QUADRANTS.bottomLeft)).toBe(true);
		expect(near(out.at(860, 440), QUADRANTS.bottomRight)).toBe(true);
		// the centred square (512 px in the source) stays square: 480 × 480 here, cropped by nothing
		const across = runLength(out, 480, 270, 'row', SQUARE);
		const down = runLength(out, 480, 270, 'column', SQUARE);
		expect(Math.abs(across - 480)).toBeLessThanOrEqual(3);
		expect(Math.abs(down - 480)).toBeLessThanOrEqual(3);
	});

	it('crop: a 9:16 frame from a 2:3 picture trims the sides and keeps the square square', async () => {
		const source = await quadrantImage(1024, 1536, 'jpeg');
		const out = await decodeImage(await fitImage(source, { width: 1210, height: 2151 }, 'crop'));
		expect([out.width, out.height]).toEqual([1210, 2151]);
		const across = runLength(out, 605, 1075, 'row', SQUARE);
		const down = runLength(out, 605, 1075, 'column', SQUARE);
		expect(Math.abs(across - down)).toBeLessThanOrEqual(3);
		// stretching 1024 → 1210 wide would make it 605 across but 717 down
		expect(Math.abs(across - 717)).toBeLessThanOrEqual(4);
		expect(near(out.at(20, 20), QUADRANTS.topLeft)).toBe(true);
		expect(near(out.at(1190, 2130), QUADRANTS.bottomRight)).toBe(true);
	});

	it('extend: keeps the whole picture and fills the bars with a darker, blurred copy', async () => {
		const source = await quadrantImage(1024, 1536);
		const out = await decodeImage(await fitImage(source, { width: 960, height: 540 }, 'extend'));
		expect([out.width, out.height]).toEqual([960, 540]);
		// contained: 360 × 540, from x = 300 to 660, every quadrant reaching its corner
		expect(near(out.at(304, 4), QUADRANTS.topLeft)).toBe(true);
		expect(near(out.at(656, 4), QUADRANTS.topRight)).toBe(true);
		expect(near(out.at(304, 536), QUADRANTS.bottomLeft)).toBe(true);
		expect(near(out.at(656, 536), QUADRANTS.bottomRight)).toBe(true);
		const across = runLength(out, 480, 270, 'row', SQUARE);
		const down = runLength(out, 480, 270, 'column', SQUARE);
		expect(Math.abs(across - 180)).toBeLessThanOrEqual(3);
		expect(Math.abs(down - 180)).toBeLessThanOrEqual(3);
		// the bars: the top-left red, dimmed and softened, not black and not the picture itself
		const [r, g, b] = out.at(60, 60);
		expect(r).toBeGreaterThan(60);
		expect(r).toBeLessThan(QUADRANTS.topLeft[0] * 0.75);
		expect(r).toBeGreaterThan(g + 30);
		expect(r).toBeGreaterThan(b + 30);
		const [r2, g2] = out.at(900, 60);
		expect(g2).toBeGreaterThan(r2);
	});

	it('outputs JPEG and rejects bytes that are not an image', async () => {
		const bytes = await fitImage(await quadrantImage(64, 64), { width: 32, height: 32 }, 'crop');
		expect([bytes[0], bytes[1], bytes[2]]).toEqual([0xff, 0xd8, 0xff]);
		await expect(fitImage(Buffer.from('not an image'), { width: 32, height: 32 }, 'crop')).rejects.toThrow(/could not be decoded/);
		await expect(fitImage(await quadrantImage(8, 8), { width: 0, height: 32 }, 'crop')).rejects.toThrow(/width/);
	});
});
