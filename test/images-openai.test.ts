import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawingOf, storyboardSize } from '../src/pipeline/assets/storyboard-stage';
import { createOpenAIImages } from '../src/providers/storyboard/openai/openai-images';
import type { StoryboardRequest } from '../src/providers/storyboard/storyboard-provider';
import { ASPECT_SIZES, type AspectRatio } from '../src/schema/platforms';
import { videoScriptSchema } from '../src/schema/video-script';
import { editParts, fakeEdit, MAX_EDIT_IMAGES } from './helpers/fake-openai-images';
import { startFakeServer, type FakeServer } from './helpers/fake-server';
import { decodeImage, near, QUADRANTS, quadrantImage, runLength, SQUARE } from './helpers/quadrant-image';

const KEY = 'sk-test-openai-images-secret-123456';
const ROUTE = 'POST /v1/images/generations';

const script = videoScriptSchema.parse({
	title: '小满的雨夜',
	duration_target: 12,
	style: 'story',
	style_prompt: 'death stranding style, muted colors, cinematic contour lighting',
	characters: { 小满: 'a girl of ten with a yellow raincoat and short black hair' },
	scenes: [
		{ scene_id: 1, narration: '小满在雨里等车。', visual_description: '小满 waits at a rainy bus stop at night', duration: 6 },
		{ scene_id: 2, narration: '车终于来了。', visual_description: 'headlights of a bus cutting through the rain', duration: 6 },
	],
});

const requestFor = (aspect: AspectRatio, sceneIndex = 0, take = 0): StoryboardRequest => {
	const scene = script.scenes[sceneIndex]!;
	return { ...drawingOf(scene, script, storyboardSize(ASPECT_SIZES[aspect])), sceneId: scene.scene_id, take };
};

let server: FakeServer;
let generated: { width: number; height: number };

beforeEach(async () => {
	server = await startFakeServer({
		[ROUTE]: async (request) => {
			const [width, height] = String((request.json as { size: string }).size)
				.split('x')
				.map(Number) as [number, number];
			generated = { width, height };
			const jpeg = await quadrantImage(width, height, 'jpeg');
			return { body: { created: 1_700_000_000, data: [{ b64_json: jpeg.toString('base64') }] } };
		},
		// POST /v1/images/edits as the API reference "Create image edit" describes it (helpers/fake-openai-images.ts)
		'POST /v1/images/edits': fakeEdit,
	});
});

afterEach(async () => {
	await server.close();
});

const provider = (extra: Partial<Parameters<typeof createOpenAIImages>[0]> = {}, delays: number[] = []) =>
	createOpenAIImages({
		connection: { apiKey: KEY, baseURL: `${server.url}/v1`, timeoutMs: 2_000 },
		retry: { retries: 3, baseDelayMs: 10, maxDelayMs: 5_000, sleep: async (ms) => void delays.push(ms) },
		...extra,
	});

describe('openai-images', () => {
	it('sends the model, size, quality and the styled prompt, and crops the answer to the frame', async () => {
		const images = provider();
		expect([images.name, images.model, images.maxConcurrency]).toEqual(['openai-images', 'gpt-image-1.5', 3]);
		const request = requestFor('9:16');
		const result = await images.draw(request);

		const sent = server.requests[0]!;
		const body = sent.json as Record<string, unknown>;
		expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
		expect(body).toMatchObject({ model: 'gpt-image-1.5', size: '1024x1536', quality: 'medium', n: 1, output_format: 'jpeg' });
		expect(body).not.toHaveProperty('response_format');
		expect(body).not.toHaveProperty('seed');
		expect(body.prompt).toContain('小满 waits at a rainy bus stop');
		expect(body.prompt).toContain('a girl of ten with a yellow raincoat');
		expect(body.prompt).toContain('death stranding style, muted colors, cinematic contour lighting');

		expect(result.extension).toBe('jpg');
		const out = await decodeImage(result.image);
		expect([out.width, out.height]).toEqual([request.size.width, request.size.height]);
		expect(generated).toEqual({ width: 1024, height: 1536 });
		// cover-cropped, not stretched: the centre square stays square and the quadrants stay put
		const across = runLength(out, out.width / 2, out.height / 2, 'row', SQUARE);
		const down = runLength(out, out.width / 2, out.height / 2, 'column', SQUARE);
		expect(Math.abs(across - down)).toBeLessThanOrEqual(4);
		expect(near(out.at(20, 20), QUADRANTS.topLeft)).toBe(true);
		expect(near(out.at(out.width - 20, out.height - 20), QUADRANTS.bottomRight)).toBe(true);
	});

	it('chooses the generation size by aspect and passes model and quality through', async () => {
		const images = provider({ model: 'gpt-image-1-mini', quality: 'high' });
		expect(images.model).toBe('gpt-image-1-mini@high');
		const landscape = await images.draw(requestFor('16:9'));
		await images.draw(requestFor('1:1'));
		expect(server.requests.map((r) => (r.json as { size: string }).size)).toEqual(['1536x1024', '1024x1024']);
		expect(server.requests.map((r) => r.json as { model: string; quality: string })).toMatchObject([
			{ model: 'gpt-image-1-mini', quality: 'high' },
			{ model: 'gpt-image-1-mini', quality: 'high' },
		]);
		const out = await decodeImage(landscape.image);
		expect([out.width, out.height]).toEqual([2151, 1210]);
	});

	it('waits as long as Retry-After asks after a 429, then succeeds', async () => {
		const delays: number[] = [];
		server.queue(ROUTE, { status: 429, headers: { 'retry-after': '2' }, body: { error: { message: 'Rate limit reached', type: 'requests' } } });
		const result = await provider({}, delays).draw(requestFor('9:16'));
		expect(delays).toEqual([2000]);
		expect(server.requests).toHaveLength(2);
		expect((await decodeImage(result.image)).width).toBe(1210);
	});

	it('backs off after a 500, then succeeds', async () => {
		const delays: number[] = [];
		server.queue(ROUTE, { status: 500, body: { error: { message: 'The server had an error' } } });
		await provider({}, delays).draw(requestFor('9:16'));
		expect(delays).toEqual([10]);
		expect(server.requests).toHaveLength(2);
	});

	it('gives up on a request that hangs past the timeout and tries again', async () => {
		const delays: number[] = [];
		server.queue(ROUTE, { hang: true });
		const images = provider({ connection: { apiKey: KEY, baseURL: `${server.url}/v1`, timeoutMs: 300 } }, delays);
		const started = performance.now();
		const result = await images.draw(requestFor('1:1'));
		expect(performance.now() - started).toBeGreaterThanOrEqual(250);
		expect(delays).toHaveLength(1);
		expect(server.requests).toHaveLength(2);
		expect((await decodeImage(result.image)).height).toBe(1210);
	});

	it('fails clearly, naming provider and model but never the key, when every try fails', async () => {
		server.queue(ROUTE, ...Array.from({ length: 4 }, () => ({ status: 503, body: { error: { message: `overloaded, key ${KEY}` } } })));
		const error = (await provider()
			.draw(requestFor('9:16'))
			.catch((e: unknown) => e)) as Error;
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toMatch(/^openai-images \(gpt-image-1\.5\): image generation failed after 4 tries: 503/);
		expect(error.message).not.toContain(KEY);
		expect(server.requests).toHaveLength(4);
	});

	it('does not retry a refused prompt', async () => {
		server.queue(ROUTE, { status: 400, body: { error: { message: 'Your request was rejected by the safety system', code: 'moderation_blocked' } } });
		const error = (await provider()
			.draw(requestFor('9:16'))
			.catch((e: unknown) => e)) as Error;
		expect(error.message).toContain('openai-images (gpt-image-1.5)');
		expect(error.message).toContain('safety system');
		expect(server.requests).toHaveLength(1);
	});

	describe('with character pictures', () => {
		const png = async (colour: string) => {
			const { createCanvas } = await import('@napi-rs/canvas');
			const canvas = createCanvas(32, 48);
			const ctx = canvas.getContext('2d');
			ctx.fillStyle = colour;
			ctx.fillRect(0, 0, 32, 48);
			return new Uint8Array(await canvas.encode('png'));
		};
		const reference = async (name: string, colour = '#c03020') => ({
			name,
			description: `${name} as drawn`,
			image: await png(colour),
			extension: 'png' as const,
		});

		it('draws through the edits endpoint, sending each picture as image[] with the prompt naming whom it shows', async () => {
			const xiaoman = await reference('小满');
			const result = await provider().draw({ ...requestFor('9:16'), references: [xiaoman, await reference('阿杰', '#2040c0')] });
			expect(server.requests.map((r) => r.path)).toEqual(['/v1/images/edits']);
			const sent = await editParts(server.requests[0]!);
			expect(sent).toMatchObject({ model: 'gpt-image-1.5', size: '1024x1536', quality: 'medium', n: '1', output_format: 'jpeg' });
			expect(sent.form.get('response_format')).toBeNull();
			expect(sent.images.map((i) => i.type)).toEqual(['image/png', 'image/png']);
			expect(Buffer.from(sent.images[0]!.bytes).equals(Buffer.from(xiaoman.image))).toBe(true);
			expect(sent.prompt).toContain('小满 waits at a rainy bus stop');
			expect(sent.prompt).toContain('image 1: 小满, image 2: 阿杰');
			expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
			const out = await decodeImage(result.image);
			expect([out.width, out.height]).toEqual([1210, 2151]);
		});

		it('sends at most the 16 pictures the endpoint takes', async () => {
			const many = await Promise.all(Array.from({ length: 18 }, (_, i) => reference(`c${i}`)));
			await provider({ model: 'gpt-image-1-mini' }).draw({ ...requestFor('1:1'), references: many });
			const sent = await editParts(server.requests[0]!);
			expect(sent.model).toBe('gpt-image-1-mini');
			expect(sent.images).toHaveLength(MAX_EDIT_IMAGES);
		});

		it('is refused, as OpenAI refuses it, when a picture is not PNG, JPEG or WebP, and does not retry', async () => {
			const broken = { name: '小满', description: 'x', image: new TextEncoder().encode('not a picture'), extension: 'png' as const };
			const error = (await provider()
				.draw({ ...requestFor('9:16'), references: [broken] })
				.catch((e: unknown) => e)) as Error;
			expect(error.message).toContain('openai-images (gpt-image-1.5)');
			expect(error.message).toMatch(/unsupported mimetype/);
			expect(server.requests).toHaveLength(1);
		});
	});
});
