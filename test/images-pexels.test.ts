import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AssetCache } from '../src/cache/asset-cache';
import { drawingOf, runStoryboardStage, storyboardSize } from '../src/pipeline/assets/storyboard-stage';
import { sceneCredits } from '../src/pipeline/stages/scene-credits';
import { createStoryboardProvider } from '../src/providers/provider-factory';
import { llmSearchTerms } from '../src/providers/storyboard/pexels/llm-search-terms';
import { createPexelsStock, type PexelsStockOptions } from '../src/providers/storyboard/pexels/pexels-stock';
import { bestBySize, photoRenditions, rankPhotos } from '../src/providers/storyboard/pexels/renditions';
import { offlineTerms } from '../src/providers/storyboard/pexels/search-terms';
import type { StoryboardProvider, StoryboardRequest, StoryboardResult } from '../src/providers/storyboard/storyboard-provider';
import { DESCRIPTION_LIMITS, withCredits, type SceneCredit } from '../src/publish/credits';
import { InputError } from '../src/schema/input-error';
import { ASPECT_SIZES, type AspectRatio } from '../src/schema/platforms';
import { videoScriptSchema, type VideoScript } from '../src/schema/video-script';
import { startFakePexels, FAKE_RESET, type FakeLibrary } from './helpers/fake-pexels';
import { startFakeServer, type FakeReply } from './helpers/fake-server';
import { makeStockMedia } from './helpers/stock-media';
import { makeTempDir } from './helpers/temp-dir';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { loadImage } from '@napi-rs/canvas';

const KEY = 'pexels-test-key-0123456789abcdef';

/** Coffee: three clips and two photos; tea: photos only; rain: one clip whose files are all small. */
const LIBRARY: FakeLibrary = {
	videos: [
		// first in Pexels' order, but 3 s: shorter than an 8 s scene
		{
			id: 101,
			tags: ['coffee', 'barista'],
			width: 2160,
			height: 3840,
			duration: 3,
			author: 'Ana Lima',
			files: [
				{ width: 1080, height: 1920 },
				{ width: 720, height: 1280 },
			],
		},
		{
			id: 102,
			tags: ['coffee', 'latte'],
			width: 2160,
			height: 3840,
			duration: 12,
			author: 'Bo Chen',
			files: [
				{ width: 2160, height: 3840 },
				{ width: 1080, height: 1920 },
				{ width: 540, height: 960 },
				{ width: 1440, height: 2560 },
			],
		},
		{
			id: 103,
			tags: ['coffee'],
			width: 3840,
			height: 2160,
			duration: 20,
			author: 'Cy Park',
			files: [
				{ width: 3840, height: 2160 },
				{ width: 1920, height: 1080 },
			],
		},
		{ id: 104, tags: ['coffee'], width: 1080, height: 1080, duration: 9, author: 'Di Roy', files: [{ width: 1080, height: 1080 }] },
		{
			id: 105,
			tags: ['rain'],
			width: 1080,
			height: 1920,
			duration: 10,
			author: 'Ed Wu',
			files: [
				{ width: 540, height: 960 },
				{ width: 720, height: 1280 },
			],
		},
	],
	photos: [
		{ id: 201, tags: ['coffee', 'tea'], width: 4000, height: 6000, author: 'Fay Ito' },
		{ id: 202, tags: ['tea'], width: 3000, height: 4500, author: 'Gus Hale' },
		{ id: 203, tags: ['tea'], width: 6000, height: 4000, author: 'Hal Moe' },
	],
};

const scriptOf = (visual: string, duration = 8): VideoScript =>
	videoScriptSchema.parse({
		title: 'Morning coffee',
		duration_target: duration,
		style: 'informative',
		style_prompt: 'cinematic photo, warm tones',
		scenes: [{ scene_id: 1, narration: 'Every morning starts here.', visual_description: visual, duration }],
	});

let media: Awaited<ReturnType<typeof makeStockMedia>>;
let fake: Awaited<ReturnType<typeof startFakePexels>>;
let delays: number[];

beforeAll(async () => {
	media = await makeStockMedia();
}, 60_000);

beforeEach(async () => {
	fake = await startFakePexels(KEY, LIBRARY, media);
	delays = [];
});
afterEach(async () => {
	await fake.close();
});

const provider = (extra: Partial<PexelsStockOptions> = {}) =>
	createPexelsStock({
		apiKey: KEY,
		baseURL: fake.url,
		timeoutMs: 5_000,
		retry: { retries: 3, baseDelayMs: 10, maxDelayMs: 5_000, sleep: async (ms) => void delays.push(ms) },
		...extra,
	});

const requestFor = (
	images: StoryboardProvider,
	visual: string,
	options: { aspect?: AspectRatio; take?: number; duration?: number } = {},
): StoryboardRequest => {
	const script = scriptOf(visual, options.duration ?? 8);
	const scene = script.scenes[0]!;
	return { ...drawingOf(scene, script, storyboardSize(ASPECT_SIZES[options.aspect ?? '9:16']), images.sceneInputs), sceneId: 1, take: options.take ?? 0 };
};

const searches = () => fake.requests.filter((r) => r.path.endsWith('/search'));
const downloads = () => fake.requests.filter((r) => r.path.startsWith('/media/'));
const asVideo = (result: StoryboardResult) => {
	if (!('video' in result)) throw new Error('expected a clip');
	return result;
};
const asImage = (result: StoryboardResult) => {
	if (!('image' in result)) throw new Error('expected a picture');
	return result;
};

describe('pexels: search terms', () => {
	it('takes the weightiest words of the description, without the prompt framing, in its order', () => {
		// equal weights (every word here is 4 letters or more, seen once): the first four, as written
		expect(offlineTerms('A barista pours latte art in a cozy coffee shop at dawn')).toEqual({ query: 'barista pours latte cozy', locale: 'en-US' });
		expect(offlineTerms('Coffee, coffee beans and a coffee grinder')).toEqual({ query: 'coffee beans grinder', locale: 'en-US' });
		const framed = offlineTerms(
			'Editorial illustration of coffee: a barista at work. informative mood, clean composition with the subject in the upper middle, soft light, calm space at the bottom for captions, no text in the image.',
		);
		expect(framed.query.split(' ')).toEqual(expect.arrayContaining(['coffee', 'barista']));
		expect(framed.query).not.toMatch(/illustration|composition|captions|image/);
		expect(framed.query.split(' ').length).toBeLessThanOrEqual(4);
	});

	it('searches Chinese descriptions in Chinese (locale zh-CN)', () => {
		const terms = offlineTerms('画面主体：清晨的咖啡。场景：咖啡师在小店里做拿铁。风格插画，构图简洁');
		expect(terms.locale).toBe('zh-CN');
		expect(terms.query).toContain('咖啡');
		expect(terms.query).not.toMatch(/画面|构图|插画/);
	});

	it('asks the configured chat model for English keywords when there is one', async () => {
		const chat = await startFakeServer({
			'POST /v1/chat/completions': (request): FakeReply => {
				if (request.headers.authorization !== 'Bearer sk-chat-key')
					return { status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } } };
				return {
					body: {
						id: 'chatcmpl-1',
						object: 'chat.completion',
						created: 1,
						model: 'gpt-4o-mini',
						choices: [{ index: 0, message: { role: 'assistant', content: 'Barista, latte art.', refusal: null }, finish_reason: 'stop', logprobs: null }],
						usage: { prompt_tokens: 50, completion_tokens: 5, total_tokens: 55 },
					},
				};
			},
		});
		try {
			const images = provider({ searchTerms: llmSearchTerms({ connection: { apiKey: 'sk-chat-key', baseURL: `${chat.url}/v1` } }) });
			expect(images.model).toBe('video-first-v1@keywords:gpt-4o-mini');
			asVideo(await images.draw(requestFor(images, '咖啡师在清晨的小店里做拿铁')));
			const body = chat.requests[0]!.json as { model: string; temperature: number; messages: { role: string; content: string }[] };
			expect(body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0 });
			expect(body.messages.at(-1)!.content).toBe('咖啡师在清晨的小店里做拿铁');
			expect(searches()[0]!.query.get('query')).toBe('Barista latte art');
			expect(searches()[0]!.query.get('locale')).toBe('en-US');
		} finally {
			await chat.close();
		}
	});
});

describe('pexels: renditions', () => {
	it('picks the smallest photo rendition that covers the frame, else the largest', () => {
		const photo = { width: 6000, height: 4000 };
		expect(bestBySize(photoRenditions(photo), { width: 1280, height: 720 })!.name).toBe('large2x');
		expect(bestBySize(photoRenditions(photo), { width: 900, height: 600 })!.name).toBe('large');
		expect(bestBySize(photoRenditions(photo), { width: 1920, height: 1080 })!.name).toBe('original');
		expect(bestBySize(photoRenditions({ width: 800, height: 1000 }), { width: 1080, height: 1920 })!.name).toBe('original');
		const [choice] = rankPhotos(
			[
				{
					...photo,
					id: 1,
					url: 'u',
					photographer: 'p',
					photographer_url: 'pu',
					src: { original: 'o', large2x: 'l2', large: 'l', medium: 'm', small: 's', portrait: 'p', landscape: 'la', tiny: 't' },
				},
			],
			{
				width: 1280,
				height: 720,
			},
		);
		expect(choice).toMatchObject({ url: 'l2', rendition: 'large2x' });
	});
});

describe('pexels: footage', () => {
	it('searches clips with the key and the frame’s orientation and size, and downloads the smallest MP4 that covers the frame', async () => {
		const images = provider();
		expect(images).toMatchObject({ name: 'pexels', model: 'video-first-v1@keywords:offline', maxConcurrency: 3 });
		const result = asVideo(await images.draw(requestFor(images, 'a barista pours latte art in a coffee shop', { duration: 8 })));
		expect(result.extension).toBe('mp4');
		expect(Buffer.from(result.video).equals(media.clip)).toBe(true);
		const [search] = searches();
		expect(search!.path).toBe('/videos/search');
		expect(search!.headers.authorization).toBe(KEY);
		expect(Object.fromEntries(search!.query)).toEqual({
			query: 'barista pours latte coffee',
			orientation: 'portrait',
			size: 'medium',
			locale: 'en-US',
			per_page: '15',
			page: '1',
		});
		// 102 is the first clip at least 8 s long; of its files 1080×1920 is the smallest covering 1080×1920
		expect(downloads().map((r) => r.path)).toEqual(['/media/videos/102/1080x1920.mp4']);
		expect(downloads()[0]!.headers.authorization).toBeUndefined();
		expect(result.credit).toEqual({
			provider: 'Pexels',
			author: 'Bo Chen',
			authorUrl: 'https://www.pexels.com/@bo-chen',
			sourceUrl: 'https://www.pexels.com/video/clip-102/',
			text: 'Video by Bo Chen on Pexels',
		});
		// no photo search was needed
		expect(searches()).toHaveLength(1);
	});

	it('asks for landscape on 16:9 and square on 1:1', async () => {
		const images = provider();
		asVideo(await images.draw(requestFor(images, 'coffee', { aspect: '16:9' })));
		asVideo(await images.draw(requestFor(images, 'coffee', { aspect: '1:1' })));
		expect(searches().map((r) => [r.query.get('orientation'), r.query.get('size')])).toEqual([
			['landscape', 'medium'],
			['square', 'medium'],
		]);
		expect(downloads().map((r) => r.path)).toEqual(['/media/videos/103/1920x1080.mp4', '/media/videos/104/1080x1080.mp4']);
	});

	it('walks the results with take: longer clips first, then shorter ones, then photos; past the end it says so', async () => {
		const images = provider();
		const paths: string[] = [];
		for (const take of [0, 1, 2]) {
			fake.requests.length = 0;
			await images.draw(requestFor(images, 'coffee', { take, duration: 8 }));
			paths.push(downloads()[0]!.path);
		}
		// portrait coffee: 102 (12 s) before 101 (3 s); take 2 is past the clips, so the first photo
		expect(paths).toEqual(['/media/videos/102/1080x1920.mp4', '/media/videos/101/1080x1920.mp4', '/media/photos/201/pexels-photo-201.jpeg']);
		const again = await images.draw(requestFor(images, 'coffee', { take: 1, duration: 8 }));
		expect(asVideo(again).credit?.author).toBe('Ana Lima');
		const error = (await images.draw(requestFor(images, 'coffee', { take: 3 })).catch((e: unknown) => e)) as Error;
		expect(error.message).toMatch(/Pexels has 2 clips and 1 photos for "coffee", and take 3 asks for number 4; change the scene's visual_description/);
	});

	it('falls back to photos when no clip matches, cropped to the frame and credited to the photographer', async () => {
		const images = provider();
		const request = requestFor(images, 'a cup of green tea');
		const result = asImage(await images.draw(request));
		expect(searches().map((r) => r.path)).toEqual(['/videos/search', '/v1/search']);
		expect(Object.fromEntries(searches()[1]!.query)).toEqual({
			query: 'cup green tea',
			orientation: 'portrait',
			size: 'small',
			locale: 'en-US',
			per_page: '15',
			page: '1',
		});
		expect(downloads().map((r) => r.path)).toEqual(['/media/photos/201/pexels-photo-201.jpeg']);
		expect(result.extension).toBe('jpg');
		const picture = await loadImage(Buffer.from(result.image));
		expect({ width: picture.width, height: picture.height }).toEqual(request.size);
		expect(result.credit).toMatchObject({ author: 'Fay Ito', sourceUrl: 'https://www.pexels.com/photo/photo-201/', text: 'Photo by Fay Ito on Pexels' });
	});

	it('takes the largest file when none covers the frame', async () => {
		const images = provider();
		asVideo(await images.draw(requestFor(images, 'rain')));
		// a Full HD clip whose MP4s are 540×960 and 720×1280: the larger, to be scaled up by the renderer
		expect(downloads().map((r) => r.path)).toEqual(['/media/videos/105/720x1280.mp4']);
	});
});

describe('pexels: failures', () => {
	it('retries a 429 without headers (as Pexels sends it) and a 500, then succeeds', async () => {
		fake.queue('GET /videos/search', { status: 429, body: { error: 'Too Many Requests' } }, { status: 500, body: 'upstream error' });
		const result = asVideo(await provider().draw(requestFor(provider(), 'coffee')));
		expect(result.credit?.author).toBe('Bo Chen');
		expect(searches()).toHaveLength(3);
		expect(delays).toEqual([10, 20]);
	});

	it('waits for X-Ratelimit-Reset when it is near, and gives up at once when the quota is spent for longer', async () => {
		const soon = Math.ceil(Date.now() / 1000) + 3;
		fake.queue('GET /videos/search', { status: 429, headers: { 'x-ratelimit-reset': String(soon) }, body: { error: 'Too Many Requests' } });
		await provider().draw(requestFor(provider(), 'coffee'));
		expect(delays).toHaveLength(1);
		expect(delays[0]).toBeGreaterThan(1_000);
		expect(delays[0]).toBeLessThanOrEqual(4_000);

		delays.length = 0;
		fake.queue('GET /videos/search', { status: 429, headers: { 'x-ratelimit-reset': String(FAKE_RESET) }, body: { error: 'Too Many Requests' } });
		const error = (await provider()
			.draw(requestFor(provider(), 'coffee'))
			.catch((e: unknown) => e)) as Error;
		expect(error.message).toMatch(
			/^pexels \(video-first-v1@keywords:offline\): image generation failed: GET \/videos\/search: HTTP 429, the Pexels API key's request quota is used up until 2027-01-01T00:00:00.000Z/,
		);
		expect(delays).toEqual([]);
	});

	it('names PEXELS_API_KEY on a refused key, and never prints the key', async () => {
		const error = (await provider({ apiKey: 'wrong-key' })
			.draw(requestFor(provider(), 'coffee'))
			.catch((e: unknown) => e)) as Error;
		expect(error.message).toMatch(/HTTP 401 .*Invalid API key.*check PEXELS_API_KEY/);
		expect(error.message).not.toContain('wrong-key');
		expect(delays).toEqual([]);
	});

	it('names the field when an answer is not as documented', async () => {
		fake.queue('GET /videos/search', {
			body: { page: 1, per_page: 15, videos: [{ id: 1, width: 1080, height: 1920, duration: 5, url: 'u', video_files: [] }] },
		});
		const error = (await provider()
			.draw(requestFor(provider(), 'coffee'))
			.catch((e: unknown) => e)) as Error;
		expect(error.message).toMatch(/GET \/videos\/search answered something Pexels does not document: videos\.0\.user: /);
	});

	it('skips clips with no sized MP4 (an HLS playlist only, or another container)', async () => {
		const onlyOthers: FakeLibrary = {
			videos: [
				{ id: 301, tags: ['owl'], width: 1080, height: 1920, duration: 9, author: 'Ivy Ng', files: [{ width: 1080, height: 1920, fileType: 'video/webm' }] },
			],
			photos: [{ id: 302, tags: ['owl'], width: 3000, height: 4500, author: 'Jo Kim' }],
		};
		await fake.close();
		fake = await startFakePexels(KEY, onlyOthers, media);
		const result = asImage(await provider().draw(requestFor(provider(), 'owl')));
		expect(result.credit?.author).toBe('Jo Kim');
	});

	it('fails the scene when the clip does not decode', async () => {
		fake.queue('GET /media/videos/102/1080x1920.mp4', { headers: { 'content-type': 'text/html' }, body: '<html>Not here</html>' });
		const error = (await provider()
			.draw(requestFor(provider(), 'coffee'))
			.catch((e: unknown) => e)) as Error;
		expect(error.message).toMatch(/^pexels \(video-first-v1@keywords:offline\): image generation failed: the downloaded clip/);
	});

	it('needs PEXELS_API_KEY, and PEXELS_BASE_URL points it elsewhere', async () => {
		let caught: unknown;
		try {
			createStoryboardProvider('pexels', {});
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(InputError);
		expect((caught as InputError).problems).toEqual([
			{ path: 'PEXELS_API_KEY', message: '--images pexels needs PEXELS_API_KEY; set it in the environment or in a .env file' },
		]);
		const images = createStoryboardProvider('pexels', { PEXELS_API_KEY: KEY, PEXELS_BASE_URL: fake.url })!;
		asVideo(await images.draw(requestFor(images, 'coffee')));
		expect(searches()).toHaveLength(1);
		// with --llm openai and a key, the keywords come from the chat model
		const withLlm = createStoryboardProvider(
			'pexels',
			{ PEXELS_API_KEY: KEY, OPENAI_API_KEY: 'sk-x', REELSMITH_LLM_MODEL: 'gpt-4.1-mini' },
			{ llm: 'openai' },
		)!;
		expect(withLlm.model).toBe('video-first-v1@keywords:gpt-4.1-mini');
	});
});

describe('pexels: through the storyboard stage', () => {
	it('keys the cache on the description and length, stores the clip as mp4 with its probed size, length and credit', async () => {
		const images = provider();
		const script = scriptOf('a barista pours latte art in a coffee shop');
		const scene = script.scenes[0]!;
		const size = storyboardSize(ASPECT_SIZES['9:16']);
		expect(drawingOf(scene, script, size)).not.toHaveProperty('visualDescription');
		expect(drawingOf(scene, script, size, images.sceneInputs)).toMatchObject({ visualDescription: scene.visual_description, durationSeconds: 8 });
		const dir = await makeTempDir('reelsmith-pexels-stage-');
		const cache = new AssetCache(path.join(dir, '.cache'));
		const stage = () =>
			runStoryboardStage({ script, sceneIds: new Set([1]), outputSize: ASPECT_SIZES['9:16'], provider: images, cache, takeOf: () => 0, concurrency: 1 });
		const { illustrated } = await stage();
		const { asset, cached } = illustrated.get(1)!;
		expect(cached).toBe(false);
		expect(asset.file).toMatch(/^image\/[0-9a-f]+\.mp4$/);
		expect(asset.meta).toEqual({
			width: 720,
			height: 1280,
			provider: 'pexels',
			model: 'video-first-v1@keywords:offline',
			kind: 'video',
			durationMs: (await probeMedia(asset.absolutePath)).durationMs,
			credit: expect.objectContaining({ text: 'Video by Bo Chen on Pexels' }),
		});
		expect(asset.meta.durationMs).toBeGreaterThanOrEqual(1900);
		// the second run finds it in the cache and asks Pexels nothing
		const before = fake.requests.length;
		expect((await stage()).illustrated.get(1)!.cached).toBe(true);
		expect(fake.requests.length).toBe(before);
	});
});

describe('pexels: credits in metadata', () => {
	const credit = (scene: number, name: string): SceneCredit => ({
		scene,
		text: `Video by ${name} on Pexels`,
		author: name,
		authorUrl: `https://www.pexels.com/@${name}`,
		sourceUrl: `https://www.pexels.com/video/${scene}/`,
	});

	it('collects the scenes’ credits and appends them to the description within the platform’s limit', () => {
		const sources = new Map([
			[
				1,
				{
					voice: null,
					image: {
						provider: 'pexels',
						model: 'm',
						take: 0,
						generated: true,
						kind: 'video' as const,
						credit: { provider: 'Pexels' as const, ...credit(1, 'Bo') },
					},
				},
			],
			[2, { voice: null, image: 'supplied' as const }],
			[3, { voice: null, image: { provider: 'procedural', model: 'p', take: 0, generated: true } }],
		]);
		expect(sceneCredits(sources)).toEqual([credit(1, 'Bo')]);
		expect(withCredits('Opening.\n\n#coffee', [credit(1, 'Bo'), credit(2, 'Cy')], 'youtube')).toBe(
			'Opening.\n\n#coffee\n\nVideo by Bo on Pexels: https://www.pexels.com/video/1/\nVideo by Cy on Pexels: https://www.pexels.com/video/2/',
		);
		const many = Array.from({ length: 40 }, (_, i) => credit(i + 1, `Author number ${i + 1}`));
		const text = withCredits('x'.repeat(500), many, 'douyin');
		expect([...text].length).toBeLessThanOrEqual(DESCRIPTION_LIMITS.douyin);
		expect(text).toContain('Video by Author number 1 on Pexels');
		expect(text).not.toContain('Author number 40 ');
	});
});
