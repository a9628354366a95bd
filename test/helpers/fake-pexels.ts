import { startFakeServer, type FakeReply, type RecordedRequest } from './fake-server';

/**
 * A fake Pexels API on 127.0.0.1 that answers, and refuses, as https://www.pexels.com/api/documentation/ says:
 *
 * - "Authorization": every API request carries the key itself as the `Authorization` header; without it, or with
 *   another key, the answer is 401 and an `error` (the media hosts need no key, and the fake records whether one
 *   was sent there);
 * - "Search for Photos" (GET /v1/search) and "Search for Videos" (GET /videos/search): `query` required;
 *   `orientation` landscape | portrait | square; `size` large | medium | small (photos: at least 24, 12, 4 MP;
 *   videos: at least 4K, Full HD, HD, read as 2160p, 1080p, 720p); `locale` one of the documented locales; `page` ≥ 1; `per_page` 1–80.
 *   Anything else is a 400;
 * - "The Photo Resource" and "The Video Resource": the answer shapes, with the documented `src` renditions and
 *   `video_files` (HD, SD, UHD MP4s and an HLS playlist without a size);
 * - "Request Statistics": successful answers carry X-Ratelimit-Limit, -Remaining and -Reset (a UNIX time); the
 *   429 a spent quota gets carries none of them (tests queue such answers).
 *
 * The library is given by the test (tag `*` matches any query); its media are served from /media/ on the same server.
 */
export type FakeVideoFile = { readonly width: number; readonly height: number; readonly quality?: 'hd' | 'sd' | 'uhd'; readonly fileType?: string };
export type FakeVideo = {
	readonly id: number;
	readonly tags: readonly string[];
	readonly width: number;
	readonly height: number;
	readonly duration: number;
	readonly author: string;
	readonly files: readonly FakeVideoFile[];
};
export type FakePhoto = { readonly id: number; readonly tags: readonly string[]; readonly width: number; readonly height: number; readonly author: string };
export type FakeLibrary = { readonly videos: readonly FakeVideo[]; readonly photos: readonly FakePhoto[] };
export type FakeMedia = { readonly clip: Buffer; readonly photo: Buffer };

export const PEXELS_LOCALES = [
	'en-US',
	'pt-BR',
	'es-ES',
	'ca-ES',
	'de-DE',
	'it-IT',
	'fr-FR',
	'sv-SE',
	'id-ID',
	'pl-PL',
	'ja-JP',
	'zh-TW',
	'zh-CN',
	'ko-KR',
	'th-TH',
	'nl-NL',
	'hu-HU',
	'vi-VN',
	'cs-CZ',
	'da-DK',
	'fi-FI',
	'uk-UA',
	'el-GR',
	'ro-RO',
	'nb-NO',
	'sk-SK',
	'tr-TR',
	'ru-RU',
];

const ORIENTATIONS = ['landscape', 'portrait', 'square'];
const SIZES = ['large', 'medium', 'small'];
const MONTHLY_LIMIT = 20_000;
/** A fixed reset time, so answers are the same on every run: 2027-01-01T00:00:00Z. */
export const FAKE_RESET = 1_798_761_600;

const orientationOf = (w: number, h: number) => (w === h ? 'square' : w > h ? 'landscape' : 'portrait');

const minimum = {
	// HD, Full HD and 4K by the short side (720p, 1080p, 2160p), whatever the orientation
	video: { small: 720, medium: 1080, large: 2160 },
	photo: { small: 4e6, medium: 12e6, large: 24e6 },
} as const;

const bigEnoughVideo = (v: FakeVideo, size: string | null) => !size || Math.min(v.width, v.height) >= minimum.video[size as 'small'];
const bigEnoughPhoto = (p: FakePhoto, size: string | null) => !size || p.width * p.height >= minimum.photo[size as 'small'];

const refuse = (status: number, error: string): FakeReply => ({ status, body: { error } });

export const startFakePexels = async (key: string, library: FakeLibrary, media: FakeMedia) => {
	let remaining = MONTHLY_LIMIT;
	// filled below: the answers name the server's own address, and the fake looks routes up per request
	const routes: Record<string, (request: RecordedRequest) => FakeReply> = {};
	const server = await startFakeServer(routes);
	const base = server.url;

	/** The documented checks every search shares; null when the request passes. */
	const check = (request: RecordedRequest): FakeReply | null => {
		if (request.headers.authorization === undefined) return refuse(401, 'Authorization header is missing');
		if (request.headers.authorization !== key) return refuse(401, 'Invalid API key');
		const q = request.query;
		if (!q.get('query')?.trim()) return refuse(400, 'query is required');
		const orientation = q.get('orientation');
		if (orientation !== null && !ORIENTATIONS.includes(orientation)) return refuse(400, `orientation must be one of ${ORIENTATIONS.join(', ')}`);
		const size = q.get('size');
		if (size !== null && !SIZES.includes(size)) return refuse(400, `size must be one of ${SIZES.join(', ')}`);
		const locale = q.get('locale');
		if (locale !== null && !PEXELS_LOCALES.includes(locale)) return refuse(400, `locale ${locale} is not supported`);
		const page = Number(q.get('page') ?? 1);
		const perPage = Number(q.get('per_page') ?? 15);
		if (!Number.isInteger(page) || page < 1) return refuse(400, 'page must be a whole number from 1');
		if (!Number.isInteger(perPage) || perPage < 1 || perPage > 80) return refuse(400, 'per_page must be a whole number from 1 to 80');
		return null;
	};

	const matches = (tags: readonly string[], q: URLSearchParams) => {
		const words = q.get('query')!.toLowerCase().split(/\s+/);
		return tags.includes('*') || words.some((w) => tags.includes(w));
	};

	const page = <T>(items: T[], q: URLSearchParams) => {
		const perPage = Number(q.get('per_page') ?? 15);
		const n = Number(q.get('page') ?? 1);
		return { items: items.slice((n - 1) * perPage, n * perPage), perPage, page: n, total: items.length };
	};

	const answer = (body: object): FakeReply => {
		remaining = Math.max(0, remaining - 1);
		return {
			body,
			headers: { 'x-ratelimit-limit': String(MONTHLY_LIMIT), 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(FAKE_RESET) },
		};
	};

	const videoJson = (v: FakeVideo) => ({
		id: v.id,
		width: v.width,
		height: v.height,
		url: `https://www.pexels.com/video/clip-${v.id}/`,
		image: `${base}/media/videos/${v.id}/poster.jpeg`,
		full_res: null,
		tags: [],
		duration: v.duration,
		user: { id: v.id * 10, name: v.author, url: `https://www.pexels.com/@${v.author.toLowerCase().replace(/\s+/g, '-')}` },
		video_files: [
			...v.files.map((f, i) => ({
				id: v.id * 100 + i,
				quality: f.quality ?? (Math.min(f.width, f.height) >= 2160 ? 'uhd' : Math.min(f.width, f.height) >= 720 ? 'hd' : 'sd'),
				file_type: f.fileType ?? 'video/mp4',
				width: f.width,
				height: f.height,
				fps: 29.97,
				link: `${base}/media/videos/${v.id}/${f.width}x${f.height}.mp4`,
				size: 1000,
			})),
			{ id: v.id * 100 + 99, quality: 'hls', file_type: 'video/mp4', width: null, height: null, fps: null, link: `${base}/media/videos/${v.id}/playlist.m3u8` },
		],
		video_pictures: [{ id: v.id, nr: 0, picture: `${base}/media/videos/${v.id}/poster.jpeg` }],
	});

	const photoJson = (p: FakePhoto) => {
		const original = `${base}/media/photos/${p.id}/pexels-photo-${p.id}.jpeg`;
		return {
			id: p.id,
			width: p.width,
			height: p.height,
			url: `https://www.pexels.com/photo/photo-${p.id}/`,
			photographer: p.author,
			photographer_url: `https://www.pexels.com/@${p.author.toLowerCase().replace(/\s+/g, '-')}`,
			photographer_id: p.id * 10,
			avg_color: '#7E7E7E',
			src: {
				original,
				large2x: `${original}?auto=compress&cs=tinysrgb&dpr=2&h=650&w=940`,
				large: `${original}?auto=compress&cs=tinysrgb&h=650&w=940`,
				medium: `${original}?auto=compress&cs=tinysrgb&h=350`,
				small: `${original}?auto=compress&cs=tinysrgb&h=130`,
				portrait: `${original}?auto=compress&cs=tinysrgb&fit=crop&h=1200&w=800`,
				landscape: `${original}?auto=compress&cs=tinysrgb&fit=crop&h=627&w=1200`,
				tiny: `${original}?auto=compress&cs=tinysrgb&dpr=1&fit=crop&h=200&w=280`,
			},
			liked: false,
			alt: `photo ${p.tags.join(' ')}`,
		};
	};

	Object.assign(routes, {
		'GET /videos/search': (request: RecordedRequest) => {
			const refused = check(request);
			if (refused) return refused;
			const q = request.query;
			const found = library.videos.filter(
				(v) => matches(v.tags, q) && (!q.get('orientation') || orientationOf(v.width, v.height) === q.get('orientation')) && bigEnoughVideo(v, q.get('size')),
			);
			const { items, perPage, page: n, total } = page(found, q);
			return answer({
				page: n,
				per_page: perPage,
				total_results: total,
				url: `https://www.pexels.com/search/videos/${q.get('query')}/`,
				videos: items.map(videoJson),
			});
		},
		'GET /v1/search': (request: RecordedRequest) => {
			const refused = check(request);
			if (refused) return refused;
			const q = request.query;
			const found = library.photos.filter(
				(p) => matches(p.tags, q) && (!q.get('orientation') || orientationOf(p.width, p.height) === q.get('orientation')) && bigEnoughPhoto(p, q.get('size')),
			);
			const { items, perPage, page: n, total } = page(found, q);
			return answer({ page: n, per_page: perPage, total_results: total, photos: items.map(photoJson) });
		},
	});
	for (const v of library.videos) {
		for (const f of v.files)
			routes[`GET /media/videos/${v.id}/${f.width}x${f.height}.mp4`] = () => ({ headers: { 'content-type': 'video/mp4' }, body: media.clip });
	}
	for (const p of library.photos)
		routes[`GET /media/photos/${p.id}/pexels-photo-${p.id}.jpeg`] = () => ({ headers: { 'content-type': 'image/jpeg' }, body: media.photo });

	return server;
};
