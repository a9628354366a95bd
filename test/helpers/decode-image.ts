import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type RgbImage = { width: number; height: number; pixels: Buffer };

/** Decodes an image file to packed RGB with ffmpeg (installed by .ci/run). */
export const decodeRgb = async (file: string, width: number, height: number): Promise<RgbImage> => {
	const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
		encoding: 'buffer',
		maxBuffer: width * height * 3 + 1024,
	});
	if (stdout.length !== width * height * 3) throw new Error(`${file}: expected ${width}x${height} RGB, got ${stdout.length} bytes`);
	return { width, height, pixels: stdout };
};

export const pixelAt = (image: RgbImage, x: number, y: number): [number, number, number] => {
	const i = (y * image.width + x) * 3;
	return [image.pixels[i]!, image.pixels[i + 1]!, image.pixels[i + 2]!];
};

/** One frame of a video (counted from 0), decoded to packed RGB. */
export const decodeFrame = async (video: string, frame: number, width: number, height: number): Promise<RgbImage> => {
	const { stdout } = await run(
		'ffmpeg',
		['-v', 'error', '-i', video, '-vf', `select=eq(n\\,${frame})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
		{
			encoding: 'buffer',
			maxBuffer: width * height * 3 + 1024,
		},
	);
	if (stdout.length !== width * height * 3) throw new Error(`${video} frame ${frame}: expected ${width}x${height} RGB, got ${stdout.length} bytes`);
	return { width, height, pixels: stdout };
};
