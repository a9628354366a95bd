import type { Size } from '../../../schema/platforms';
import type { PexelsPhoto, PexelsVideo, PexelsVideoFile } from './pexels-wire';

/**
 * Search parameters and the choice of file, from https://www.pexels.com/api/documentation/ ("Search for
 * Photos", "Search for Videos", "The Photo Resource"). Pure: the same answer always yields the same choice.
 */
export type Orientation = 'landscape' | 'portrait' | 'square';

/** The frame's shape: 9:16 is portrait, 16:9 landscape, 1:1 square. */
export const orientationOf = ({ width, height }: Size): Orientation => (width === height ? 'square' : width > height ? 'landscape' : 'portrait');

/**
 * Pexels' video `size` is a minimum: small = HD, medium = Full HD, large = 4K, read as the short side (720p,
 * 1080p, 2160p) so a portrait or square frame asks for the same class as a landscape one of its short side.
 */
export const videoSizeParam = ({ width, height }: Size): 'small' | 'medium' | 'large' => {
	const short = Math.min(width, height);
	return short <= 720 ? 'small' : short <= 1080 ? 'medium' : 'large';
};

/** Pexels' photo `size` is a minimum in megapixels: small = 4 MP, medium = 12 MP, large = 24 MP. */
export const photoSizeParam = ({ width, height }: Size): 'small' | 'medium' | 'large' => {
	const megapixels = (width * height) / 1e6;
	return megapixels <= 4 ? 'small' : megapixels <= 12 ? 'medium' : 'large';
};

const covers = (size: { width: number; height: number }, target: Size) => size.width >= target.width && size.height >= target.height;
const area = (size: { width: number; height: number }) => size.width * size.height;

/** Among sized files: the smallest that covers `target` in both dimensions, else the largest (ties: listed first). */
export const bestBySize = <T extends { width: number; height: number }>(files: readonly T[], target: Size): T | undefined => {
	const big = files.filter((f) => covers(f, target));
	const pool = big.length > 0 ? big : files;
	const better = big.length > 0 ? (a: T, b: T) => area(a) < area(b) : (a: T, b: T) => area(a) > area(b);
	return pool.reduce<T | undefined>((best, f) => (best === undefined || better(f, best) ? f : best), undefined);
};

type SizedFile = PexelsVideoFile & { width: number; height: number };

/** MP4 files with a size (HLS playlists have none). */
const mp4Files = (video: PexelsVideo): SizedFile[] =>
	video.video_files.filter((f): f is SizedFile => f.file_type === 'video/mp4' && (f.width ?? 0) > 0 && (f.height ?? 0) > 0);

export type VideoChoice = { readonly video: PexelsVideo; readonly file: PexelsVideoFile };

/**
 * The videos worth showing, best first: those with an MP4 that covers the frame before those without, then those
 * at least as long as the scene (a shorter clip is looped); Pexels' own order otherwise. Each with its best file.
 */
export const rankVideos = (videos: readonly PexelsVideo[], frame: Size, durationSeconds?: number): VideoChoice[] => {
	const ranked = videos.flatMap((video, index) => {
		const files = mp4Files(video);
		const file = bestBySize(files, frame);
		if (!file) return [];
		const short = durationSeconds !== undefined && video.duration < durationSeconds;
		return [{ video, file, rank: (covers(file, frame) ? 0 : 2) + (short ? 1 : 0), index }];
	});
	return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ video, file }) => ({ video, file }));
};

type PhotoRendition = { readonly name: keyof PexelsPhoto['src']; readonly width: number; readonly height: number };

/** Fits (w, h) inside a box, never enlarging: how Pexels makes `large`, `large2x`, `medium` and `small`. */
const fitInside = (w: number, h: number, boxW: number, boxH: number) => {
	const scale = Math.min(1, boxW / w, boxH / h);
	return { width: Math.round(w * scale), height: Math.round(h * scale) };
};

/**
 * Each `src` entry's size, from the photo's own: `original` is the photo; `large2x` and `large` fit 1880×1300
 * and 940×650; `medium` and `small` are 350 and 130 high; `portrait`, `landscape` and `tiny` are crops of
 * 800×1200, 1200×627 and 280×200.
 */
export const photoRenditions = (photo: Pick<PexelsPhoto, 'width' | 'height'>): PhotoRendition[] => {
	const { width: w, height: h } = photo;
	const crop = (cw: number, ch: number) => ({ width: Math.min(cw, w), height: Math.min(ch, h) });
	return [
		{ name: 'original', width: w, height: h },
		{ name: 'large2x', ...fitInside(w, h, 1880, 1300) },
		{ name: 'large', ...fitInside(w, h, 940, 650) },
		{ name: 'medium', ...fitInside(w, h, Number.POSITIVE_INFINITY, 350) },
		{ name: 'small', ...fitInside(w, h, Number.POSITIVE_INFINITY, 130) },
		{ name: 'portrait', ...crop(800, 1200) },
		{ name: 'landscape', ...crop(1200, 627) },
		{ name: 'tiny', ...crop(280, 200) },
	];
};

export type PhotoChoice = { readonly photo: PexelsPhoto; readonly url: string; readonly rendition: PhotoRendition['name'] };

/** The photos in Pexels' order, each with its smallest rendition that covers the frame (else the original). */
export const rankPhotos = (photos: readonly PexelsPhoto[], frame: Size): PhotoChoice[] =>
	photos.map((photo) => {
		const rendition = bestBySize(photoRenditions(photo), frame)!;
		return { photo, url: photo.src[rendition.name], rendition: rendition.name };
	});
