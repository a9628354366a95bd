import { writeFile } from 'node:fs/promises';
import { partialPathFor } from '../../../node/partial-path';
import { ownTempFiles } from '../../../node/write-through-partial';
import { writeFinalVideo } from '../../audio/final-video';
import type { Loudness, LoudnessTarget } from '../../audio/loudness';
import { runFfmpeg } from '../../../node/run-ffmpeg';
import { probeMedia } from '../../media/probe-media';

export type JoinPartsOptions = {
	readonly fps: number;
	/** The joined video must hold exactly this many frames. */
	readonly expectedFrames: number;
	/** Normalise the soundtrack to this loudness while encoding it, so AAC is encoded once. */
	readonly loudness?: LoudnessTarget;
};

/**
 * Joins parts rendered one after another or side by side (each an MP4 of H.264 starting on a keyframe, and
 * 16-bit PCM) into one MP4: the video is not re-encoded, the PCM is laid end to end (sample-exact, so no click
 * or drift at a seam), measured for loudness if asked, and encoded to AAC once. The video goes through a raw
 * H.264 stream and is stamped again at `fps`: MP4-to-MP4 concatenation left the last frame without a duration.
 * Streams from disk to disk, so memory does not grow with the video. Returns the final loudness if normalised.
 */
export const joinParts = async (parts: readonly string[], output: string, { fps, expectedFrames, loudness }: JoinPartsOptions): Promise<Loudness | null> => {
	const list = partialPathFor(output, 'parts');
	const video = partialPathFor(output, 'video');
	const audio = partialPathFor(output, 'audio');
	const removeTemp = ownTempFiles([list, video, audio]);
	try {
		await writeFile(list, parts.map((part) => `file '${part.replaceAll("'", "'\\''")}'\n`).join(''));
		// ffmpeg arguments stay in option–value pairs
		// prettier-ignore
		await runFfmpeg([
			'-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list,
			'-map', '0:v:0', '-c:v', 'copy', '-bsf:v', 'h264_mp4toannexb', '-f', 'h264', video,
			'-map', '0:a:0', '-c:a', 'pcm_s16le', '-f', 'wav', audio,
		]);
		return await writeFinalVideo(output, {
			video: ['-framerate', String(fps), '-i', video],
			audio,
			fps,
			...(loudness ? { loudness } : {}),
			check: async (partial) => {
				const frames = (await probeMedia(partial)).video?.frames ?? 0;
				if (frames !== expectedFrames) throw new Error(`the joined video holds ${frames} frames, not ${expectedFrames}`);
			},
		});
	} finally {
		await removeTemp();
	}
};
