import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type RgbImage = { width: number; height: number; pixels: Buffer };

/** Decodes the picture of `file` that ffmpeg's `filters` leave first to packed RGB (ffmpeg is installed by .ci/run). */
const decode = async (file: string, filters: readonly string[], width: number, height: number, what: string): Promise<RgbImage> => {
	const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, ...filters, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
		encoding: 'buffer',
		maxBuffer: width * height * 3 + 1024,
	});
	if (stdout.length !== width * height * 3) throw new Error(`${what}: expected ${width}x${height} RGB, got ${stdout.length} bytes`);
	return { width, height, pixels: stdout };
};

/** Decodes an image file to packed RGB. */
export const decodeRgb = (file: string, width: number, height: number): Promise<RgbImage> => decode(file, [], width, height, file);

/** One frame of a video (counted from 0), decoded to packed RGB. */
export const decodeFrame = (video: string, frame: number, width: number, height: number): Promise<RgbImage> =>
	decode(video, ['-vf', `select=eq(n\\,${frame})`], width, height, `${video} frame ${frame}`);

export const pixelAt = (image: RgbImage, x: number, y: number): [number, number, number] => {
	const i = (y * image.width + x) * 3;
	return [image.pixels[i]!, image.pixels[i + 1]!, image.pixels[i + 2]!];
};
