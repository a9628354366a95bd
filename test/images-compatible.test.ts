import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawingOf, storyboardSize } from '../src/pipeline/assets/storyboard-stage';
import { InputError } from '../src/schema/input-error';
import { createCompatibleImages, type CompatibleImagesOptions } from '../src/providers/storyboard/compatible/compatible-images';
import { createStoryboardProvider } from '../src/providers/provider-factory';
import { REFERENCE_IMAGE_MODELS } from '../src/providers/storyboard/compatible/reference-models';
import { SILICONFLOW_IMAGE_SIZES } from '../src/providers/storyboard/compatible/siliconflow-sizes';
import type { StoryboardRequest } from '../src/providers/storyboard/storyboard-provider';
import { ASPECT_SIZES, type AspectRatio } from '../src/schema/platforms';
import { videoScriptSchema, type VideoScript } from '../src/schema/video-script';
import { startFakeServer, type FakeServer } from './helpers/fake-server';
import { decodeImage, near, QUADRANTS, quadrantImage, runLength, SQUARE } from './helpers/quadrant-image';

const KEY = 'sk-siliconflow-test-key-abcdef123456';
const GENERATE = 'POST /v1/images/generations';
const DOWNLOAD = 'GET /outputs/picture.png';

const scriptWith = (stylePrompt: string): VideoScript =>
	videoScriptSchema.parse({
		title: '老周的面馆',
		duration_target: 18,
		style: 'story',
		style_prompt: stylePrompt,
		characters: { 老周: 'a man in his sixties with a white apron and grey stubble' },
		scenes: [
			{ scene_id: 1, narration: '老周每天五点开门。', visual_description: '老周 rolling noodle dough at dawn', duration: 6 },
			{ scene_id: 2, narration: '第一碗面总是给街口的环卫工。', visual_description: 'a steaming bowl of noodles on a worn table', duration: 6 },
			{ scene_id: 3, narration: '老周笑了。', visual_description: '老周 smiling behind the counter', duration: 6 },
		],
	});

const WARM = 'warm earth tones, golden hour from left, 35mm film grain';
const script = scriptWith(WARM);

const requestFor = (aspect: AspectRatio, sceneIndex = 0, take = 0, from: VideoScript = script): StoryboardRequest => {
	const scene = from.scenes[sceneIndex]!;
	return { ...drawingOf(scene, from, storyboardSize(ASPECT_SIZES[aspect])), sceneId: scene.scene_id, take };
};

type Body = { model: string; prompt: string; image_size: string; num_inference_steps: number; seed: number; batch_size: number; image?: string };

let server: FakeServer;

/**
 * What SiliconFlow answers a bad request: HTTP 400 with `{ code, message, data }` (docs.siliconflow.cn,
 * "error codes"); 20012 is its "model does not exist".
 */
const refusal = (code: number, message: string) => ({ status: 400, body: { code, message, data: null } });

/**
 * The fake follows the docs: only the models of the size table, each only at its own sizes; an input `image` (a URL
 * or a base64 data URI of a PNG, JPEG or WebP) only for the models that take one (reference-models.ts).
 */
const generation = (request: { json: unknown }) => {
	const body = request.json as Body;
	const sizes = SILICONFLOW_IMAGE_SIZES[body.model];
	if (!sizes) return refusal(20012, 'Model does not exist. Please check it carefully.');
	if (!sizes.includes(body.image_size)) return refusal(20015, `image_size ${body.image_size} is not supported for ${body.model}`);
	if (body.image !== undefined) {
		if (!REFERENCE_IMAGE_MODELS.has(body.model)) return refusal(20015, `image is not supported for ${body.model}`);
		const data = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/]+=*)$/.exec(body.image);
		if (!data && !/^https?:\/\//.test(body.image)) return refusal(20015, 'image must be a URL or a base64 data URI such as data:image/png;base64,…');
	}
	return { body: { images: [{ url: `${server.url}/outputs/picture.png?sig=abc` }], timings: { inference: 0.8 }, seed: body.seed } };
};

beforeEach(async () => {
	server = await startFakeServer({
		[GENERATE]: generation,
		[DOWNLOAD]: async () => {
			const last = [...server.requests].reverse().find((r) => r.path === '/v1/images/generations')!;
			const [width, height] = (last.json as Body).image_size.split('x').map(Number) as [number, number];
			return { headers: { 'content-type': 'image/png' }, body: await quadrantImage(width, height) };
		},
	});
});

afterEach(async () => {
	await server.close();
});

const provider = (extra: Partial<CompatibleImagesOptions> = {}, delays: number[] = []) =>
	createCompatibleImages({
		baseURL: `${server.url}/v1`,
		apiKey: KEY,
		timeoutMs: 2_000,
		retry: { retries: 3, baseDelayMs: 10, maxDelayMs: 5_000, sleep: async (ms) => void delays.push(ms) },
		// the fake stands in for SiliconFlow, so models are checked as they would be there
		checkModel: true,
		...extra,
	});

const generations = () => server.requests.filter((r) => r.path === '/v1/images/generations').map((r) => r.json as Body);

describe('compatible-images', () => {
	it("speaks SiliconFlow's wire format, downloads the picture without the key and crops it to the frame", async () => {
		const images = provider();
		expect([images.name, images.model, images.maxConcurrency]).toEqual(['compatible-images', 'Qwen/Qwen-Image@20', 3]);
		const request = requestFor('9:16');
		const result = await images.draw(request);

		const [generate, download] = server.requests;
		expect(generate!.method).toBe('POST');
		expect(generate!.headers.authorization).toBe(`Bearer ${KEY}`);
		const body = generate!.json as Body;
		expect(body).toMatchObject({ model: 'Qwen/Qwen-Image', image_size: '928x1664', num_inference_steps: 20, batch_size: 1 });
		expect(Number.isInteger(body.seed) && body.seed > 0 && body.seed < 9_999_999_999).toBe(true);
		expect(body.prompt).toContain('老周 rolling noodle dough at dawn');
		expect(body.prompt).toContain('a man in his sixties with a white apron');
		expect(body.prompt).toContain(WARM);
		expect(download!.path).toBe('/outputs/picture.png');
		expect(download!.headers.authorization).toBeUndefined();

		expect(result.extension).toBe('jpg');
		const out = await decodeImage(result.image);
		expect([out.width, out.height]).toEqual([request.size.width, request.size.height]);
		const across = runLength(out, out.width / 2, out.height / 2, 'row', SQUARE);
		const down = runLength(out, out.width / 2, out.height / 2, 'column', SQUARE);
		expect(Math.abs(across - down)).toBeLessThanOrEqual(4);
		expect(near(out.at(20, 20), QUADRANTS.topLeft)).toBe(true);
		expect(near(out.at(out.width - 20, 20), QUADRANTS.topRight)).toBe(true);
	});

	it("picks each model's documented size nearest the aspect, crops it to the frame and puts the steps in the model string", async () => {
		const images = provider({ model: 'Kwai-Kolors/Kolors', steps: 28 });
		expect(images.model).toBe('Kwai-Kolors/Kolors@28');
		expect(provider({ model: 'Kwai-Kolors/Kolors' }).model).toBe('Kwai-Kolors/Kolors@20');
		for (const model of ['Qwen/Qwen-Image', 'Kwai-Kolors/Kolors', 'black-forest-labs/FLUX.2-pro']) {
			for (const aspect of ['9:16', '16:9', '1:1'] as const) {
				const request = requestFor(aspect);
				const out = await decodeImage((await provider({ model }).draw(request)).image);
				expect([out.width, out.height]).toEqual([request.size.width, request.size.height]);
			}
		}
		await images.draw(requestFor('9:16'));
		expect(generations().map((b) => [b.model, b.image_size, b.num_inference_steps])).toEqual([
			['Qwen/Qwen-Image', '928x1664', 20],
			['Qwen/Qwen-Image', '1664x928', 20],
			['Qwen/Qwen-Image', '1328x1328', 20],
			// Kolors offers no landscape size: the square is the nearest to 16:9, and the crop takes the rest
			['Kwai-Kolors/Kolors', '720x1280', 20],
			['Kwai-Kolors/Kolors', '1024x1024', 20],
			['Kwai-Kolors/Kolors', '1024x1024', 20],
			['black-forest-labs/FLUX.2-pro', '576x1024', 20],
			['black-forest-labs/FLUX.2-pro', '1024x576', 20],
			['black-forest-labs/FLUX.2-pro', '512x512', 20],
			['Kwai-Kolors/Kolors', '720x1280', 28],
		]);
	});

	it('refuses a model SiliconFlow does not document when made, naming the models and sizes it does', () => {
		const made = (options: Partial<CompatibleImagesOptions>) => {
			try {
				provider(options);
			} catch (error) {
				return error;
			}
			return undefined;
		};
		for (const refused of [
			made({ model: 'black-forest-labs/FLUX.1-schnell' }),
			made({ model: 'flux-dev', baseURL: 'https://api.siliconflow.cn/v1', checkModel: undefined }),
		]) {
			expect(refused).toBeInstanceOf(InputError);
			const [problem] = (refused as InputError).problems;
			expect(problem?.path).toBe('IMAGE_MODEL');
			expect(problem?.message).toMatch(
				/is not a text-to-image model SiliconFlow documents; set IMAGE_MODEL to one of Qwen\/Qwen-Image \(1328x1328, 1664x928, 928x1664,/,
			);
			expect(problem?.message).toContain('Kwai-Kolors/Kolors (1024x1024, 960x1280, 768x1024, 720x1440, 720x1280)');
			expect(problem?.message).toContain('black-forest-labs/FLUX.2-pro (512x512, 768x1024, 1024x768, 576x1024, 1024x576)');
		}
		expect(made({ model: 'flux-dev', baseURL: 'https://api.ap.siliconflow.com/v1', checkModel: undefined })).toBeInstanceOf(InputError);
		expect(server.requests).toEqual([]);
	});

	it('passes any model through to a server that is not SiliconFlow, at the standard sizes', async () => {
		// the fake is on 127.0.0.1, so without checkModel it counts as another server: it answers for itself
		const images = provider({ model: 'my/flux-schnell', checkModel: undefined });
		expect(images.model).toBe('my/flux-schnell@4');
		const error = (await images.draw(requestFor('9:16')).catch((e: unknown) => e)) as Error;
		expect(error.message).toMatch(/HTTP 400.*Model does not exist/);
		expect(generations()).toHaveLength(1);
		// a server that does serve the model answers in kind
		server.queue(GENERATE, ...Array.from({ length: 3 }, () => ({ body: { images: [{ url: `${server.url}/outputs/picture.png` }] } })));
		for (const aspect of ['9:16', '16:9', '1:1'] as const) await images.draw(requestFor(aspect));
		await provider({ model: 'Kwai-Kolors/Kolors', checkModel: undefined }).draw(requestFor('9:16'));
		expect(generations().map((b) => [b.model, b.image_size])).toEqual([
			['my/flux-schnell', '768x1344'],
			['my/flux-schnell', '768x1344'],
			['my/flux-schnell', '1344x768'],
			['my/flux-schnell', '1024x1024'],
			['Kwai-Kolors/Kolors', '720x1280'],
		]);
	});

	it('has a fake that refuses a size the model does not take, as SiliconFlow does', async () => {
		const post = (body: object) =>
			fetch(`${server.url}/v1/images/generations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const wrongSize = await post({ model: 'Kwai-Kolors/Kolors', prompt: 'x', image_size: '1664x928' });
		expect(wrongSize.status).toBe(400);
		expect(await wrongSize.json()).toEqual({ code: 20015, message: 'image_size 1664x928 is not supported for Kwai-Kolors/Kolors', data: null });
		const unknown = await post({ model: 'black-forest-labs/FLUX.1-schnell', prompt: 'x', image_size: '1024x1024' });
		expect([unknown.status, ((await unknown.json()) as { code: number }).code]).toEqual([400, 20012]);
	});

	it('sends one seed for every scene of a style, a new one for the next take and another for another style', async () => {
		const images = provider();
		await images.draw(requestFor('9:16', 0));
		await images.draw(requestFor('9:16', 1));
		await images.draw(requestFor('9:16', 2));
		await images.draw(requestFor('9:16', 0, 1));
		await images.draw(requestFor('9:16', 0, 0, scriptWith('ink wash, rice paper, vermilion seal')));
		const seeds = generations().map((b) => b.seed);
		expect(seeds[1]).toBe(seeds[0]);
		expect(seeds[2]).toBe(seeds[0]);
		expect(seeds[3]).not.toBe(seeds[0]);
		expect(seeds[4]).not.toBe(seeds[0]);
		expect(new Set(seeds).size).toBe(3);
	});

	it('uses a fixed seed when given one, still moving on for a new take', async () => {
		const images = provider({ seed: 42 });
		expect(images.model).toBe('Qwen/Qwen-Image@20,seed=42');
		await images.draw(requestFor('9:16', 0));
		await images.draw(requestFor('9:16', 2));
		await images.draw(requestFor('9:16', 0, 1));
		expect(generations().map((b) => b.seed)).toEqual([42, 42, 43]);
		expect(() => provider({ seed: 0 })).toThrow(/seed must be/);
		expect(() => provider({ steps: 0 })).toThrow(/steps must be/);
	});

	it('waits as long as Retry-After asks after a 429, then succeeds', async () => {
		const delays: number[] = [];
		server.queue(GENERATE, { status: 429, headers: { 'retry-after': '3' }, body: { code: 50603, message: 'System is too busy now' } });
		const result = await provider({}, delays).draw(requestFor('1:1'));
		expect(delays).toEqual([3000]);
		expect(generations()).toHaveLength(2);
		expect((await decodeImage(result.image)).width).toBe(1210);
	});

	it('backs off after a 500 from the generation and from the download, then succeeds', async () => {
		const delays: number[] = [];
		server.queue(GENERATE, { status: 500, body: { message: 'internal error' } });
		server.queue(DOWNLOAD, { status: 502, body: 'bad gateway' });
		await provider({}, delays).draw(requestFor('9:16'));
		expect(delays).toEqual([10, 10]);
		expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'GET', 'GET']);
	});

	it('gives up on a request that hangs past the timeout and tries again', async () => {
		const delays: number[] = [];
		server.queue(GENERATE, { hang: true });
		const started = performance.now();
		const result = await provider({ timeoutMs: 300 }, delays).draw(requestFor('9:16'));
		expect(performance.now() - started).toBeGreaterThanOrEqual(250);
		expect(delays).toHaveLength(1);
		expect(generations()).toHaveLength(2);
		expect((await decodeImage(result.image)).height).toBe(2151);
	});

	it('fails clearly, naming provider and model but never the key, when every try fails', async () => {
		server.queue(GENERATE, ...Array.from({ length: 4 }, () => ({ status: 503, body: { message: `busy; token ${KEY} is fine` } })));
		const error = (await provider()
			.draw(requestFor('9:16'))
			.catch((e: unknown) => e)) as Error;
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toMatch(/^compatible-images \(Qwen\/Qwen-Image@20\): image generation failed after 4 tries: POST \/images\/generations: HTTP 503/);
		expect(error.message).not.toContain(KEY);
		expect(generations()).toHaveLength(4);
	});

	it('says the server never answered when every try times out, and names a failed download', async () => {
		server.queue(GENERATE, { hang: true }, { hang: true });
		const retry = { retries: 1, baseDelayMs: 1, maxDelayMs: 10, sleep: async () => {} };
		const timedOut = (await provider({ timeoutMs: 100, retry })
			.draw(requestFor('9:16'))
			.catch((e: unknown) => e)) as Error;
		expect(timedOut.message).toBe('compatible-images (Qwen/Qwen-Image@20): image generation failed after 2 tries: no answer within the timeout');
		server.queue(DOWNLOAD, { status: 404, body: 'expired' }, { status: 404, body: 'expired' });
		const missing = (await provider({ retry })
			.draw(requestFor('9:16'))
			.catch((e: unknown) => e)) as Error;
		expect(missing.message).toContain('image download: HTTP 404 expired');
	});

	it('does not retry a rejected key, and says so without echoing it', async () => {
		server.queue(GENERATE, { status: 401, body: '"Invalid token"' });
		const error = (await provider()
			.draw(requestFor('9:16'))
			.catch((e: unknown) => e)) as Error;
		expect(error.message).toContain('HTTP 401');
		expect(error.message).not.toContain(KEY);
		expect(generations()).toHaveLength(1);
	});

	it('reads an OpenAI-shaped answer with b64_json as well', async () => {
		const png = await quadrantImage(1024, 1024);
		server.queue(GENERATE, { body: { created: 1, data: [{ b64_json: png.toString('base64') }] } });
		const out = await decodeImage((await provider().draw(requestFor('1:1'))).image);
		expect([out.width, out.height]).toEqual([1210, 1210]);
		expect(server.requests).toHaveLength(1);
	});
});

describe('compatible-images with character pictures', () => {
	const reference = (name: string, bytes: Uint8Array) => ({ name, description: `${name} as drawn`, image: bytes, extension: 'png' as const });
	const picture = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

	it('sends the first picture as `image`, a base64 data URI, to a model that takes one', async () => {
		const images = provider({ model: 'Kwai-Kolors/Kolors' });
		expect(images.takesReferences).toBe(true);
		await images.draw({ ...requestFor('9:16'), references: [reference('老周', picture), reference('阿杰', new Uint8Array([9]))] });
		const [body] = generations();
		expect(body!.image).toBe(`data:image/png;base64,${Buffer.from(picture).toString('base64')}`);
		expect(Buffer.from(body!.image!.split(',')[1]!, 'base64').equals(Buffer.from(picture))).toBe(true);
		expect(body!.prompt).toContain('image 1: 老周');
		expect(body!.model).toBe('Kwai-Kolors/Kolors');
	});

	it('draws without the picture for a model that takes none, and says so once', async () => {
		const warnings: string[] = [];
		const images = provider({ onWarning: (message) => warnings.push(message) });
		expect(images.takesReferences ?? false).toBe(false);
		await images.draw({ ...requestFor('9:16'), references: [reference('老周', picture)] });
		await images.draw({ ...requestFor('9:16', 2), references: [reference('老周', picture)] });
		expect(generations().map((b) => b.image)).toEqual([undefined, undefined]);
		expect(generations()[0]!.prompt).not.toContain('image 1');
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(/compatible-images \(Qwen\/Qwen-Image\) takes no input picture/);
	});

	it('has a fake that refuses an image for a model that takes none, as the docs say', async () => {
		const response = await fetch(`${server.url}/v1/images/generations`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				model: 'Qwen/Qwen-Image',
				prompt: 'x',
				image_size: '1328x1328',
				num_inference_steps: 20,
				seed: 1,
				batch_size: 1,
				image: 'data:image/png;base64,AAAA',
			}),
		});
		expect(response.status).toBe(400);
	});
});

describe('--images compatible from the environment', () => {
	it('names IMAGE_MODEL, not IMAGE_STEPS, for a model SiliconFlow does not serve', () => {
		const env = {
			IMAGE_API_KEY: 'sk-test-compatible-000000',
			IMAGE_BASE_URL: 'https://api.siliconflow.cn/v1',
			IMAGE_MODEL: 'black-forest-labs/FLUX.1-schnell',
		};
		let thrown: unknown;
		try {
			createStoryboardProvider('compatible', env);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(InputError);
		expect((thrown as InputError).problems.map((p) => p.path)).toEqual(['IMAGE_MODEL']);
		expect(() => createStoryboardProvider('compatible', { ...env, IMAGE_MODEL: 'Qwen/Qwen-Image', IMAGE_STEPS: '0' })).toThrow(/IMAGE_STEPS/);
	});
});
