import { runFfmpeg } from '../../node/run-ffmpeg';
import { probeMedia } from './probe-media';

/** 4K in either orientation: no platform takes more, and larger frames decode slower than the render draws. */
export const MAX_CLIP_SIDE = 4096;

/** What Chromium's WebCodecs decode everywhere, and so what `@remotion/media` plays on every engine. */
const PLAYABLE_CODECS: Readonly<Record<string, string>> = { avc: 'H.264', vp8: 'VP8', vp9: 'VP9', av1: 'AV1' };

const CONVERT = 'convert it to H.264 MP4, e.g. ffmpeg -i IN -c:v libx264 -pix_fmt yuv420p -c:a aac OUT.mp4';

export type CheckedClip = { readonly width: number; readonly height: number; readonly durationMs: number; readonly hasAudio: boolean };

/**
 * A person's clip, checked before any work: it has a video stream in a codec every engine decodes, its size and
 * length are within the caps, it is longer than `startMs`, and its frame at `startMs` really decodes.
 */
export const checkClip = async (
	file: string,
	given: string,
	startMs: number,
	maxSeconds: number,
): Promise<CheckedClip | { problem: string; atStart?: true }> => {
	const facts = await probeMedia(file).catch(() => null);
	if (!facts?.video || facts.durationMs <= 0) return { problem: `${given} is not a video that can be read; ${CONVERT}` };
	const { codec, width, height } = facts.video;
	if (!codec || !PLAYABLE_CODECS[codec]) {
		return { problem: `${given} is encoded as ${codec ?? 'an unknown codec'}, which browsers cannot decode on every system; ${CONVERT}` };
	}
	if (width > MAX_CLIP_SIDE || height > MAX_CLIP_SIDE) {
		return { problem: `${given} is ${width}×${height} px, more than ${MAX_CLIP_SIDE} px a side; scale it down, e.g. ffmpeg -i IN -vf scale=-2:1920 OUT.mp4` };
	}
	if (facts.durationMs > maxSeconds * 1000) {
		return { problem: `${given} is ${Math.round(facts.durationMs / 1000)} s long, more than ${maxSeconds} s; cut out the part the scene uses` };
	}
	if (startMs >= facts.durationMs) {
		return { problem: `video_start is ${startMs / 1000} s but ${given} lasts only ${facts.durationMs / 1000} s; start earlier in the clip`, atStart: true };
	}
	try {
		await runFfmpeg(['-v', 'error', '-xerror', '-ss', String(startMs / 1000), '-i', file, '-map', '0:v:0', '-frames:v', '1', '-f', 'null', '-']);
	} catch (error) {
		return { problem: `${given} does not decode at ${startMs / 1000} s (${(error as Error).message}); ${CONVERT}` };
	}
	return { width, height, durationMs: facts.durationMs, hasAudio: facts.audio !== null };
};
