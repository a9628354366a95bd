import { classifyHttpError } from '../../http/http-error';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../../http/retry';
import { fitImage } from '../fit/fit-image';
import { remoteImageProvider } from '../image-failure';
import type { StoryboardImage, StoryboardProvider, StoryboardRequest } from '../storyboard-provider';
import { promptWithReferences } from '../image-prompt';
import { generatedImageOf, type GenerationBody } from './generation-wire';
import { referenceDataUri, takesReferenceImage } from './reference-models';
import { downloadBytes, postJson } from './image-http';
import { imageSizeFor, imageSizesFor, isSiliconFlow } from './siliconflow-sizes';
import { MAX_SEED, styleSeed } from './style-seed';

/** Listed by SiliconFlow's current docs, with a size for each aspect the app makes (9:16, 16:9, 1:1). */
export const COMPATIBLE_IMAGES_DEFAULT_MODEL = 'Qwen/Qwen-Image';

export type CompatibleImagesOptions = {
	/** e.g. https://api.siliconflow.cn/v1 */
	readonly baseURL: string;
	readonly apiKey: string;
	readonly model?: string;
	/**
	 * Refuse a model missing from SiliconFlow's size table (siliconflow-sizes.ts) when the provider is made.
	 * Default: whether `baseURL` is a SiliconFlow host; other servers take any model name.
	 */
	readonly checkModel?: boolean;
	/** Denoising steps; schnell is distilled for 4, other models default to 20. */
	readonly steps?: number;
	/** One seed for the whole video; derived from the style when absent. */
	readonly seed?: number;
	/** Per request, for the generation and for the download each. */
	readonly timeoutMs?: number;
	readonly maxConcurrency?: number;
	/** Overrides of the shared retry policy (tests pass a recording `sleep`). */
	readonly retry?: Partial<Omit<RetryOptions, 'classify'>>;
	/** Told once when character pictures are left out because the model takes none; default: stderr. */
	readonly onWarning?: (message: string) => void;
};

const DEFAULT_TIMEOUT_MS = 120_000;

const defaultSteps = (model: string) => (/schnell/i.test(model) ? 4 : 20);

const checkedSteps = (steps: number) => {
	if (!Number.isInteger(steps) || steps < 1 || steps > 100) throw new Error(`compatible-images: steps must be a whole number from 1 to 100, got ${steps}`);
	return steps;
};

const checkedSeed = (seed: number | undefined) => {
	if (seed !== undefined && (!Number.isInteger(seed) || seed < 1 || seed > MAX_SEED)) {
		throw new Error(`compatible-images: seed must be a whole number from 1 to ${MAX_SEED}, got ${seed}`);
	}
	return seed;
};

/** An OpenAI-compatible image endpoint in SiliconFlow's wire format: Qwen-Image, Kolors, FLUX and friends. */
export const createCompatibleImages = (options: CompatibleImagesOptions): StoryboardProvider<StoryboardImage> => {
	const model = options.model ?? COMPATIBLE_IMAGES_DEFAULT_MODEL;
	const sizes = imageSizesFor(model, options.checkModel ?? isSiliconFlow(options.baseURL));
	const steps = checkedSteps(options.steps ?? defaultSteps(model));
	const fixedSeed = checkedSeed(options.seed);
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const endpoint = `${options.baseURL.replace(/\/+$/, '')}/images/generations`;
	const retry = { ...DEFAULT_RETRY, ...options.retry, classify: classifyHttpError };
	// steps and a fixed seed change the picture, so they belong to the cache key
	const keyModel = `${model}@${steps}${fixedSeed !== undefined ? `,seed=${fixedSeed}` : ''}`;
	const takesReference = takesReferenceImage(model);
	let warned = false;
	const warnOnce = () => {
		if (warned) return;
		warned = true;
		(options.onWarning ?? ((message) => console.error(message)))(
			`compatible-images (${model}) takes no input picture: scenes are drawn without the characters' reference pictures (models that take one: see reference-models.ts)`,
		);
	};

	const generate = async (request: StoryboardRequest, onTry: (attempt: number) => void): Promise<Uint8Array> => {
		const reference = request.references?.[0];
		if (reference && !takesReference) warnOnce();
		const sent = takesReference ? reference : undefined;
		const body: GenerationBody = {
			model,
			prompt: sent ? promptWithReferences(request.prompt, [sent.name]) : request.prompt,
			// the nearest aspect the model offers; the picture is cropped to the frame below
			image_size: imageSizeFor(request.size, sizes),
			num_inference_steps: steps,
			seed: styleSeed(request, fixedSeed),
			batch_size: 1,
			...(sent ? { image: referenceDataUri(sent) } : {}),
		};
		const answer = await withRetry((attempt) => {
			onTry(attempt);
			return postJson(endpoint, options.apiKey, body, timeoutMs);
		}, retry);
		const image = generatedImageOf(answer);
		const bytes =
			'base64' in image
				? Buffer.from(image.base64, 'base64')
				: await withRetry((attempt) => {
						onTry(attempt);
						return downloadBytes(new URL(image.url, endpoint).href, timeoutMs);
					}, retry);
		return fitImage(bytes, request.size, 'crop');
	};

	return remoteImageProvider({
		name: 'compatible-images',
		model: keyModel,
		secret: options.apiKey,
		...(options.maxConcurrency ? { maxConcurrency: options.maxConcurrency } : {}),
		generate,
		takesReferences: takesReference,
	});
};
