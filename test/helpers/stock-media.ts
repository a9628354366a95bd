import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from './temp-dir';

const run = promisify(execFile);

/**
 * A real, tiny MP4 (H.264, yuv420p, 2 s of ffmpeg's test pattern) and a real JPEG for a fake stock library to
 * serve, made with ffmpeg in a temp folder that is removed after the test file.
 */
export const makeStockMedia = async (clip = { width: 720, height: 1280, seconds: 2 }, photo = { width: 1200, height: 1800 }) => {
	const dir = await makeTempDir('reelsmith-stock-');
	const mp4 = path.join(dir, 'clip.mp4');
	const jpeg = path.join(dir, 'photo.jpg');
	await run('ffmpeg', [
		...['-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=${clip.width}x${clip.height}:rate=30`],
		...['-t', String(clip.seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', mp4],
	]);
	await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=${photo.width}x${photo.height}`, '-frames:v', '1', jpeg]);
	return { clip: await readFile(mp4), photo: await readFile(jpeg) };
};
