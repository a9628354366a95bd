import { writeThroughPartial } from '../../node/write-through-partial';
import { FINAL_AAC_BITRATE, loudnessFilters, measureLoudness, PLAIN_SOUNDTRACK, type Loudness, type LoudnessTarget } from './loudness';
import { runFfmpeg } from '../../node/run-ffmpeg';

export type FinalVideoSources = {
	/** ffmpeg input arguments of the picture: `['-i', 'video.mp4']`, or a raw stream with its rate before it. */
	readonly video: readonly string[];
	/** A file whose first audio stream is the uncompressed (or once-compressed) soundtrack. */
	readonly audio: string;
	readonly fps: number;
	/** Normalise the soundtrack to this loudness while encoding it. */
	readonly loudness?: LoudnessTarget;
	/** Checks the finished file before it is renamed into place; throws to refuse it. */
	readonly check?: (partial: string) => Promise<void>;
};

/**
 * The one place a delivered MP4 is made, on every engine: the picture copied as it is, the soundtrack encoded
 * to AAC once, here, so that ffmpeg writes the edit list that hides the encoder's priming samples (audio
 * encoded elsewhere and copied in plays those 2048 samples, 43 ms, late). The video track's timescale is the
 * frame rate, so every frame lasts one tick even when the source stamped frames in milliseconds (Matroska).
 * Written through a partial file; returns the loudness when normalised.
 */
export async function writeFinalVideo(output: string, sources: FinalVideoSources & { readonly loudness: LoudnessTarget }): Promise<Loudness>;
export async function writeFinalVideo(output: string, sources: FinalVideoSources): Promise<Loudness | null>;
export async function writeFinalVideo(output: string, { video, audio, fps, loudness, check }: FinalVideoSources): Promise<Loudness | null> {
	const filters = loudness ? await loudnessFilters(audio, loudness) : PLAIN_SOUNDTRACK;
	await writeThroughPartial(output, async (partial) => {
		// ffmpeg arguments stay in option–value pairs
		// prettier-ignore
		await runFfmpeg([
			'-v', 'error', '-y', ...video, '-i', audio,
			'-map', '0:v:0', '-map', '1:a:0', '-c:v', 'copy', '-video_track_timescale', String(fps),
			'-af', filters.join(','),
			'-c:a', 'aac', '-b:a', FINAL_AAC_BITRATE, '-movflags', '+faststart', '-f', 'mp4', partial,
		]);
		await check?.(partial);
	});
	return loudness ? measureLoudness(output) : null;
}
