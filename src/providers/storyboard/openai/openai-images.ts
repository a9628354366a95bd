import { toFile } from 'openai';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../../http/retry';
import { classifyOpenAIError } from '../../openai/classify-openai-error';
import { createOpenAIClient, type OpenAIConnection } from '../../openai/openai-client';
import { closestGeneratedSize } from '../fit/closest-size';
import { fitImage } from '../fit/fit-image';
import { remoteImageProvider } from '../image-failure';
import { promptWithReferences } from '../image-prompt';
import type { StoryboardImage, StoryboardProvider, StoryboardRequest } from '../storyboard-provider';

/** `gpt-image-1` is retired: never a default. Any other name the endpoint knows is passed through. */
export type OpenAIImageModel = 'gpt-image-1.5' | 'gpt-image-1-mini' | (string & {});
export type OpenAIImageQuality = 'low' | 'medium' | 'high';

export const OPENAI_IMAGES_DEFAULT_MODEL = 'gpt-image-1.5';

/** The only sizes the GPT image models make; the nearest aspect is generated, then cropped to the frame. */
const GPT_IMAGE_SIZES = [
	{ width: 1024, height: 1024, label: '1024x1024' },
	{ width: 1024, height: 1536, label: '1024x1536' },
	{ width: 1536, height: 1024, label: '1536x1024' },
] as const;

export type OpenAIImagesOptions = {
	readonly connection: OpenAIConnection;
	readonly model?: OpenAIImageModel;
	readonly quality?: OpenAIImageQuality;
	readonly maxConcurrency?: number;
	/** Overrides of the shared retry policy (tests pass a recording `sleep`). */
	readonly retry?: Partial<Omit<RetryOptions, 'classify'>>;
};

/** The edits endpoint takes up to 16 input images for the GPT image models (API reference, "Create image edit"). */
export const MAX_REFERENCE_IMAGES = 16;

const MIME_TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;

/** A portrait at high quality can take well over a minute. */
const DEFAULT_TIMEOUT_MS = 180_000;

export const createOpenAIImages = (options: OpenAIImagesOptions): StoryboardProvider<StoryboardImage> => {
	const model = options.model ?? OPENAI_IMAGES_DEFAULT_MODEL;
	const quality = options.quality ?? 'medium';
	const client = createOpenAIClient({ ...options.connection, timeoutMs: options.connection.timeoutMs ?? DEFAULT_TIMEOUT_MS });
	// quality changes the picture, so a non-default one is part of the cache key; the price table reads the part before '@'
	const keyModel = quality === 'medium' ? model : `${model}@${quality}`;

	const generate = async (request: StoryboardRequest, onTry: (attempt: number) => void): Promise<Uint8Array> => {
		const size = closestGeneratedSize(request.size, GPT_IMAGE_SIZES);
		const references = (request.references ?? []).slice(0, MAX_REFERENCE_IMAGES);
		const response = await withRetry(
			async (attempt) => {
				onTry(attempt);
				// The GPT image models take no seed: a new take is simply a new call, and style consistency
				// rests on the locked style suffix and character descriptions already in the prompt.
				// They answer with b64_json by default and reject response_format, so it is not sent.
				if (references.length === 0) {
					return client.images.generate({ model, prompt: request.prompt, size: size.label, quality, n: 1, output_format: 'jpeg' });
				}
				// the characters' pictures go along as image[]: the edits endpoint draws a new picture from them
				const image = await Promise.all(references.map((r, i) => toFile(r.image, `reference-${i + 1}.${r.extension}`, { type: MIME_TYPES[r.extension] })));
				const prompt = promptWithReferences(
					request.prompt,
					references.map((r) => r.name),
				);
				return client.images.edit({ model, image, prompt, size: size.label, quality, n: 1, output_format: 'jpeg' });
			},
			{ ...DEFAULT_RETRY, ...options.retry, classify: classifyOpenAIError },
		);
		const b64 = response.data?.[0]?.b64_json;
		if (!b64) throw new Error('the answer held no image (no data[0].b64_json)');
		return fitImage(Buffer.from(b64, 'base64'), request.size, 'crop');
	};

	return remoteImageProvider({
		name: 'openai-images',
		model: keyModel,
		secret: options.connection.apiKey,
		...(options.maxConcurrency ? { maxConcurrency: options.maxConcurrency } : {}),
		generate,
		takesReferences: true,
	});
};
