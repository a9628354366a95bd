import { rm, writeFile } from 'node:fs/promises';
import { runFfmpeg } from '../../audio/run-ffmpeg';

/**
 * Joins parts rendered side by side (each an MP4 of H.264 starting on a keyframe, and 16-bit PCM) into one
 * MP4: the video is not re-encoded, the PCM is laid end to end (sample-exact, so no click or drift at a
 * seam) and encoded to AAC once. The video goes through a raw H.264 stream and is stamped again at `fps`:
 * MP4-to-MP4 concatenation left the last frame without a duration.
 */
export const joinParts = async (parts: readonly string[], fps: number, output: string): Promise<void> => {
	const list = `${output}.parts.txt`;
	const video = `${output}.h264`;
	const audio = `${output}.wav`;
	await writeFile(list, parts.map((part) => `file '${part.replaceAll("'", "'\\''")}'\n`).join(''));
	try {
		await runFfmpeg([
			'-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list,
			'-map', '0:v:0', '-c:v', 'copy', '-bsf:v', 'h264_mp4toannexb', '-f', 'h264', video,
			'-map', '0:a:0', '-c:a', 'pcm_s16le', '-f', 'wav', audio,
		]);
		await runFfmpeg([
			'-v', 'error', '-y', '-framerate', String(fps), '-i', video, '-i', audio,
			'-map', '0:v:0', '-map', '1:a:0', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '256k', '-movflags', '+faststart', '-f', 'mp4', output,
		]);
	} finally {
		await Promise.all([list, video, audio].map((file) => rm(file, { force: true })));
	}
};
