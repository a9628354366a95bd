import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { designScene } from '../src/providers/storyboard/procedural/draw-scene';
import { chooseMotif, MOTIF_NAMES, type MotifName } from '../src/providers/storyboard/procedural/motif-choice';
import { createProceduralStoryboard, PROCEDURAL_MODEL } from '../src/providers/storyboard/procedural/procedural-storyboard';
import type { StoryboardRequest } from '../src/providers/storyboard/storyboard-provider';

const provider = createProceduralStoryboard();

const PORTRAIT = { width: 1210, height: 2151 };
const LANDSCAPE = { width: 2151, height: 1210 };
const SQUARE = { width: 1210, height: 1210 };
// statistics do not need full size: half the portrait keeps the suite quick
const SMALL = { width: 605, height: 1076 };

const request = (overrides: Partial<StoryboardRequest> = {}): StoryboardRequest => ({
	sceneId: 1,
	prompt: 'Two speech bubbles floating over a city skyline at dusk, flowing light trails connecting them.',
	style: 'informative',
	size: PORTRAIT,
	take: 0,
	...overrides,
});

type Decoded = { width: number; height: number; data: Uint8ClampedArray };

const decode = async (bytes: Uint8Array): Promise<Decoded> => {
	const image = await loadImage(Buffer.from(bytes));
	const canvas = createCanvas(image.width, image.height);
	const ctx = canvas.getContext('2d');
	ctx.drawImage(image, 0, 0);
	return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
};

const draw = async (overrides: Partial<StoryboardRequest> = {}) => (await provider.draw(request(overrides))).image;

const luma = (d: Uint8ClampedArray, i: number) => 0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!;

const meanColour = ({ data }: Decoded): [number, number, number] => {
	const sum = [0, 0, 0];
	for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += data[i + c]!;
	const n = data.length / 4;
	return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
};

/** Spread of brightness (flat pictures have none) and the mean step between horizontal neighbours (noise is all steps). */
const texture = (image: Decoded, fromRow = 0) => {
	const { width, height, data } = image;
	let sum = 0;
	let squares = 0;
	let steps = 0;
	let n = 0;
	for (let y = Math.floor(fromRow * height); y < height; y++) {
		for (let x = 0; x < width - 1; x++) {
			const i = (y * width + x) * 4;
			const l = luma(data, i);
			sum += l;
			squares += l * l;
			steps += Math.abs(l - luma(data, i + 4));
			n++;
		}
	}
	const mean = sum / n;
	return { std: Math.sqrt(squares / n - mean * mean), neighbourStep: steps / n };
};

const meanAbsoluteDifference = (a: Decoded, b: Decoded) => {
	let total = 0;
	for (let i = 0; i < a.data.length; i += 4) for (let c = 0; c < 3; c++) total += Math.abs(a.data[i + c]! - b.data[i + c]!);
	return total / ((a.data.length / 4) * 3);
};

const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

describe('procedural storyboard provider', () => {
	it('names itself and returns JPEG bytes', async () => {
		expect(provider.name).toBe('procedural');
		expect(provider.model).toBe(PROCEDURAL_MODEL);
		const result = await provider.draw(request({ size: SMALL }));
		expect(result.extension).toBe('jpg');
		expect([...result.image.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
	});

	for (const [aspect, size] of [
		['9:16', PORTRAIT],
		['16:9', LANDSCAPE],
		['1:1', SQUARE],
	] as const) {
		it(`draws exactly the requested ${aspect} size (${size.width}×${size.height})`, async () => {
			const image = await decode(await draw({ size }));
			expect({ width: image.width, height: image.height }).toEqual(size);
		});
	}

	it('gives identical bytes for the same request', async () => {
		const first = await draw({ stylePrompt: '水彩 warm' });
		const second = await draw({ stylePrompt: '水彩 warm' });
		expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
	});

	it('gives different pictures for different prompts, including prompts of the same subject', async () => {
		const a = await draw({ size: SMALL });
		const b = await draw({ size: SMALL, prompt: 'A quiet mountain lake at sunrise' });
		const c = await draw({ size: SMALL, prompt: `${request().prompt} Another detail.` });
		expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).not.toBe(0);
		expect(Buffer.compare(Buffer.from(a), Buffer.from(c))).not.toBe(0);
		expect(meanAbsoluteDifference(await decode(a), await decode(b))).toBeGreaterThan(10);
	});

	it('draws a visibly new composition of the same scene for take 1', async () => {
		const take0 = await draw({ size: SMALL, take: 0 });
		const take1 = await draw({ size: SMALL, take: 1 });
		expect(Buffer.compare(Buffer.from(take0), Buffer.from(take1))).not.toBe(0);
		const [a, b] = [await decode(take0), await decode(take1)];
		expect(meanAbsoluteDifference(a, b)).toBeGreaterThan(6);
		// same scene, same palette: the overall colour stays close while the layout moves
		expect(distance(meanColour(a), meanColour(b))).toBeLessThan(25);
	});

	it('follows the style palette', async () => {
		const prompt = 'A calm abstract background';
		const tech = meanColour(await decode(await draw({ size: SMALL, prompt, style: 'tech' })));
		const story = meanColour(await decode(await draw({ size: SMALL, prompt, style: 'story' })));
		expect(distance(tech, story)).toBeGreaterThan(20);
		// the tech theme is indigo and teal, the story theme rust and amber
		expect(tech[2]).toBeGreaterThan(tech[0]);
		expect(story[0]).toBeGreaterThan(story[2]);
	});

	it('gives an unknown style a stable palette of its own', async () => {
		const a = await draw({ size: SMALL, style: 'my-own-style' });
		const b = await draw({ size: SMALL, style: 'my-own-style' });
		expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
	});

	it('follows style prompt keywords in English and Chinese', async () => {
		const plain = meanColour(await decode(await draw({ size: SMALL })));
		const ink = meanColour(await decode(await draw({ size: SMALL, stylePrompt: '水墨 国风' })));
		const inkEnglish = meanColour(await decode(await draw({ size: SMALL, stylePrompt: 'ink wash painting' })));
		const neon = meanColour(await decode(await draw({ size: SMALL, stylePrompt: 'cyberpunk neon' })));
		const luminance = ([r, g, b]: readonly number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
		// ink wash is grey paper: light and nearly colourless
		expect(luminance(ink)).toBeGreaterThan(luminance(plain) + 40);
		expect(Math.max(...ink) - Math.min(...ink)).toBeLessThan(25);
		expect(distance(ink, inkEnglish)).toBeLessThan(25);
		// neon pushes the informative blue towards magenta
		expect(neon[0] - neon[2]).toBeGreaterThan(plain[0] - plain[2] + 10);
	});

	it('reads the subject from English and Chinese prompts', () => {
		const cases: [string, MotifName][] = [
			['Downtown skyline with skyscrapers', 'city'],
			['夜晚的城市街道', 'city'],
			['Waves rolling onto the beach', 'sea'],
			['海边的日落', 'sea'],
			['Layered mountain ridges in the mist', 'mountain'],
			['清晨的山峰', 'mountain'],
			['AI tools writing code on a laptop', 'tech'],
			['人工智能和大数据', 'tech'],
			['A mug of coffee on a wooden table', 'bokeh'],
			['咖啡馆的午后', 'bokeh'],
			['The milky way over a quiet planet', 'space'],
			['宇宙 星空', 'space'],
			['Sunlight through a pine forest', 'forest'],
			['森林里的小路', 'forest'],
			['Why most people give up too early', 'abstract'],
			['上海的海报设计', 'abstract'],
		];
		for (const [prompt, motif] of cases) expect(chooseMotif(prompt), prompt).toBe(motif);
	});

	const motifPrompts: Readonly<Record<MotifName, string>> = {
		city: 'City skyline at dusk',
		sea: 'Ocean waves at sunset',
		mountain: 'Mountain ridges at dawn',
		tech: 'AI data network',
		bokeh: 'Coffee in a cosy café',
		space: 'Stars and a distant planet',
		forest: 'A misty forest',
		abstract: 'Three lessons worth remembering',
	};

	for (const motif of MOTIF_NAMES) {
		for (const size of [SMALL, { width: SMALL.height, height: SMALL.width }]) {
			it(`paints ${motif} at ${size.width}×${size.height} as a picture: not flat, not noise, calm under the captions`, async () => {
				const req = request({ prompt: motifPrompts[motif], size });
				expect(designScene(req).motif).toBe(motif);
				const image = await decode((await provider.draw(req)).image);
				const whole = texture(image);
				expect(whole.std).toBeGreaterThan(15);
				expect(whole.neighbourStep).toBeLessThan(4);
				expect(texture(image, 2 / 3).neighbourStep).toBeLessThan(3);
			});
		}
	}

	it('keeps a look steady across every motif with a Chinese style prompt', async () => {
		for (const motif of MOTIF_NAMES) {
			const image = await decode(await draw({ prompt: motifPrompts[motif], size: SMALL, stylePrompt: '复古 胶片' }));
			const stats = texture(image);
			expect(stats.std, motif).toBeGreaterThan(10);
			expect(stats.neighbourStep, motif).toBeLessThan(6);
		}
	});

	it('rejects a size it cannot draw', async () => {
		await expect(provider.draw(request({ size: { width: 0, height: 100 } }))).rejects.toThrow(/width/);
	});
});
