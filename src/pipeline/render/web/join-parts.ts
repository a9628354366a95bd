import { rm, writeFile } from 'node:fs/promises';
import { runFfmpeg } from '../../audio/run-ffmpeg';

/**
 * Joins video parts rendered side by side (same encoder settings, each starting on a keyframe) without
 * re-encoding them, and lays the soundtrack rendered in one piece under them. The parts go through a raw
 * H.264 stream and are stamped again at `fps`: MP4-to-MP4 concatenation left the last frame without a duration.
 */
export const joinParts = async (videoParts: readonly string[], soundtrack: string, fps: number, output: string): Promise<void> => {
	const list = `${output}.parts.txt`;
	const raw = `${output}.h264`;
	await writeFile(list, videoParts.map((part) => `file '${part.replaceAll("'", "'\\''")}'\n`).join(''));
	try {
		await runFfmpeg(['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-map', '0:v:0', '-c:v', 'copy', '-bsf:v', 'h264_mp4toannexb', '-f', 'h264', raw]);
		await runFfmpeg([
			'-v', 'error', '-y', '-framerate', String(fps), '-i', raw, '-i', soundtrack,
			'-map', '0:v:0', '-map', '1:a:0', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '256k', '-movflags', '+faststart', '-f', 'mp4', output,
		]);
	} finally {
		await Promise.all([rm(list, { force: true }), rm(raw, { force: true })]);
	}
};
