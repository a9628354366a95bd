import { stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../../schema/problems';

/** One video a run will write, as far as its size goes. */
export type VideoToWrite = {
	readonly width: number;
	readonly height: number;
	readonly fps: number;
	readonly seconds: number;
	/** H.264 bits per pixel per frame: the web engine's bitrate setting (RenderSettings.webBitsPerPixel). */
	readonly bitsPerPixel: number;
	/** Scenes whose voice and image may be made for it. */
	readonly scenes: number;
};

/** How the videos are made: `local` one after another, each from chunks; `lambda` downloaded side by side. */
export type RenderPlace = 'local' | 'lambda';

/** The 16-bit stereo 48 kHz PCM of the web engine's chunks, the joined WAV, and a Lambda render's soundtrack. */
const PCM_BYTES_PER_SECOND = 48_000 * 2 * 2;
/** The final soundtrack: AAC at 192 kbit/s (FINAL_AAC_BITRATE). */
const AAC_BYTES_PER_SECOND = 192_000 / 8;
/** A scene's voice and image in the asset cache, with room to spare (a 1080p JPEG and a WAV are under 1 MiB each). */
const ASSET_BYTES_PER_SCENE = 2 * 2 ** 20;
/** Covers, captions, props, manifest, summary and the partial files of their atomic writes. */
const MARGIN_BYTES = 32 * 2 ** 20;

export const videoStreamBytes = (v: VideoToWrite): number => (v.width * v.height * v.fps * v.bitsPerPixel * v.seconds) / 8;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * What a run writes at its fullest, in bytes. Every finished video (H.264 at the render's bitrate, AAC) stays;
 * while a local video is joined, its chunks (H.264 and PCM, kept until the video is in place), the joined raw
 * H.264 stream and WAV are on disk beside it: about twice the video again. Lambda renders (H.264 and PCM) are
 * downloaded side by side, each then encoded into its final copy. Plus every scene's voice and image, and a margin.
 */
export const estimateRunBytes = (videos: readonly VideoToWrite[], place: RenderPlace = 'local'): number => {
	const finals = videos.map((v) => videoStreamBytes(v) + AAC_BYTES_PER_SECOND * v.seconds);
	const working =
		place === 'local'
			? Math.max(0, ...videos.map((v) => 2 * videoStreamBytes(v) + 2 * PCM_BYTES_PER_SECOND * v.seconds))
			: sum(videos.map((v) => videoStreamBytes(v) + PCM_BYTES_PER_SECOND * v.seconds));
	return Math.ceil(sum(finals) + working + sum(videos.map((v) => v.scenes)) * ASSET_BYTES_PER_SCENE + MARGIN_BYTES);
};

/** `dir`, or the nearest folder above it that exists: where a folder not yet made will live. */
export const nearestExistingFolder = async (dir: string): Promise<string> => {
	let current = path.resolve(dir);
	for (;;) {
		try {
			await stat(current);
			return current;
		} catch {
			const up = path.dirname(current);
			if (up === current) return current;
			current = up;
		}
	}
};

/** Bytes an unprivileged writer may still use on the filesystem holding `dir`. */
export const freeBytesAt = async (dir: string): Promise<number> => {
	const facts = await statfs(dir);
	return facts.bavail * facts.bsize;
};

export const formatBytes = (bytes: number): string => {
	const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return unit === 0 ? `${Math.round(value)} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
};

export type DiskCheck = { readonly outDir: string; readonly neededBytes: number };

/** Too little room for the run under `--out`: how much it needs, how much is free where, and what to do. */
export const diskProblem = async ({ outDir, neededBytes }: DiskCheck): Promise<{ problem: Problem | null; freeBytes: number; folder: string }> => {
	const folder = await nearestExistingFolder(outDir);
	const freeBytes = await freeBytesAt(folder);
	if (freeBytes >= neededBytes) return { problem: null, freeBytes, folder };
	return {
		folder,
		freeBytes,
		problem: {
			path: '--out',
			message:
				`this run needs about ${formatBytes(neededBytes)} of disk under ${outDir} (the videos, their chunks until they are joined, voices and images), ` +
				`but only ${formatBytes(freeBytes)} is free on the filesystem of ${folder}; free some space there or pick a folder on a larger disk with --out`,
		},
	};
};
