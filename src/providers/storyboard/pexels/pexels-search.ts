import type { Size } from '../../../schema/platforms';
import { getPexelsJson } from './pexels-http';
import { parseAnswer, photoSearchSchema, videoSearchSchema, type PexelsPhoto, type PexelsVideo } from './pexels-wire';
import { orientationOf, photoSizeParam, videoSizeParam } from './renditions';
import type { SearchTerms } from './search-terms';

/** Results per search: one page is enough for the first takes, and each search counts against the quota once. */
export const RESULTS_PER_PAGE = 15;

export type PexelsSearch = { readonly baseURL: string; readonly apiKey: string; readonly timeoutMs: number };

const searchUrl = (baseURL: string, path: string, terms: SearchTerms, frame: Size, size: string) => {
	const url = new URL(`${baseURL.replace(/\/+$/, '')}${path}`);
	url.searchParams.set('query', terms.query);
	url.searchParams.set('orientation', orientationOf(frame));
	url.searchParams.set('size', size);
	url.searchParams.set('locale', terms.locale);
	url.searchParams.set('per_page', String(RESULTS_PER_PAGE));
	url.searchParams.set('page', '1');
	return url;
};

/** GET /videos/search ("Search for Videos"): clips of the frame's orientation, at least its size. */
export const searchVideos = async (search: PexelsSearch, terms: SearchTerms, frame: Size): Promise<PexelsVideo[]> => {
	const url = searchUrl(search.baseURL, '/videos/search', terms, frame, videoSizeParam(frame));
	return parseAnswer(videoSearchSchema, await getPexelsJson(url, search.apiKey, search.timeoutMs), 'GET /videos/search').videos;
};

/** GET /v1/search ("Search for Photos"): photos of the frame's orientation, at least its megapixels. */
export const searchPhotos = async (search: PexelsSearch, terms: SearchTerms, frame: Size): Promise<PexelsPhoto[]> => {
	const url = searchUrl(search.baseURL, '/v1/search', terms, frame, photoSizeParam(frame));
	return parseAnswer(photoSearchSchema, await getPexelsJson(url, search.apiKey, search.timeoutMs), 'GET /v1/search').photos;
};
