import { classifyHttpError } from '../../http/http-error';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../../http/retry';
import { fitImage } from '../fit/fit-image';
import { imageFailure } from '../image-failure';
import type { StoryboardProvider, StoryboardRequest, StoryboardResult } from '../storyboard-provider';
import { checkClip } from './clip-check';
import { frameSizeOf } from './frame-size';
import { photoCredit, videoCredit } from './pexels-credit';
import { downloadMedia } from './pexels-http';
import { searchPhotos, searchVideos, type PexelsSearch } from './pexels-search';
import { rankPhotos, rankVideos } from './renditions';
import { offlineSearchTerms, type SearchTermSource } from './search-terms';

export const PEXELS_DEFAULT_BASE_URL = 'https://api.pexels.com';
/** Bump when the choice of footage changes: the model is part of the image cache key. */
export const PEXELS_CHOICE_VERSION = 'video-first-v1';

export type PexelsStockOptions = {
	readonly apiKey: string;
	/** https://api.pexels.com unless set (PEXELS_BASE_URL): tests point it at a local fake. */
	readonly baseURL?: string;
	/** Offline keywords unless an LLM is configured. */
	readonly searchTerms?: SearchTermSource;
	/** Per search request. */
	readonly timeoutMs?: number;
	/** Per download: clips are megabytes. */
	readonly downloadTimeoutMs?: number;
	readonly maxConcurrency?: number;
	/** Overrides of the shared retry policy (tests pass a recording `sleep`). */
	readonly retry?: Partial<Omit<RetryOptions, 'classify'>>;
};

/**
 * Stock footage from Pexels (https://www.pexels.com/api/documentation/), free, credited in metadata.json.
 *
 * It prefers video: a real clip moves, where a still only pans, and stock footage is what a short on these
 * platforms looks like. The scene's visual description becomes 2–4 search terms (the LLM's when one is
 * configured, else offline keywords); the clips of the frame's orientation and size come first, those at least
 * as long as the scene before shorter ones (which the renderer loops). When no clip has an MP4, it falls back to
 * photos, cropped to the frame like any picture. `take` walks the results in that order: take 0 is the best clip,
 * and once the clips run out the takes go on through the photos, so `--redo N:image` always finds the next one.
 */
export const createPexelsStock = (options: PexelsStockOptions): StoryboardProvider => {
	const terms = options.searchTerms ?? offlineSearchTerms;
	const search: PexelsSearch = { baseURL: options.baseURL ?? PEXELS_DEFAULT_BASE_URL, apiKey: options.apiKey, timeoutMs: options.timeoutMs ?? 30_000 };
	const downloadTimeoutMs = options.downloadTimeoutMs ?? 300_000;
	const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry, classify: classifyHttpError };
	const model = `${PEXELS_CHOICE_VERSION}@keywords:${terms.name}`;

	const find = async (request: StoryboardRequest, onTry: (attempt: number) => void): Promise<StoryboardResult> => {
		const call = <T>(step: () => Promise<T>) =>
			withRetry((attempt) => {
				onTry(attempt);
				return step();
			}, retry);
		const frame = frameSizeOf(request.size);
		const take = Math.max(0, Math.floor(request.take));
		const wanted = await terms.termsFor(request.visualDescription ?? request.prompt);

		const clips = rankVideos(await call(() => searchVideos(search, wanted, frame)), frame, request.durationSeconds);
		const clip = clips[take];
		if (clip) {
			const bytes = await call(() => downloadMedia(clip.file.link, downloadTimeoutMs));
			await checkClip(bytes);
			return { video: bytes, extension: 'mp4', credit: videoCredit(clip.video) };
		}
		const photos = rankPhotos(await call(() => searchPhotos(search, wanted, frame)), frame);
		const photo = photos[take - clips.length];
		if (!photo) {
			throw new Error(
				`Pexels has ${clips.length} clips and ${photos.length} photos for "${wanted.query}", and take ${take} asks for number ${take + 1}; ` +
					`change the scene's visual_description, or redo it fewer times`,
			);
		}
		const bytes = await call(() => downloadMedia(photo.url, downloadTimeoutMs));
		return { image: await fitImage(bytes, request.size, 'crop'), extension: 'jpg', credit: photoCredit(photo.photo) };
	};

	return {
		name: 'pexels',
		model,
		maxConcurrency: options.maxConcurrency ?? 3,
		sceneInputs: ['visualDescription', 'durationSeconds'],
		draw: async (request) => {
			let tries = 0;
			try {
				return await find(request, (attempt) => (tries = attempt + 1));
			} catch (error) {
				throw imageFailure({ provider: 'pexels', model, tries, error, secret: options.apiKey });
			}
		},
	};
};
