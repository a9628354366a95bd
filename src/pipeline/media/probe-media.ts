import { ALL_FORMATS, FilePathSource, Input } from 'mediabunny';

export type MediaFacts = {
	readonly durationMs: number;
	readonly video: { readonly codec: string | null; readonly width: number; readonly height: number; readonly frames: number; readonly fps: number } | null;
	readonly audio: { readonly codec: string | null; readonly sampleRate: number; readonly channels: number } | null;
};

/** Reads a media file's real duration and streams with mediabunny (no ffprobe needed). */
export const probeMedia = async (file: string): Promise<MediaFacts> => {
	const input = new Input({ source: new FilePathSource(file), formats: ALL_FORMATS });
	try {
		const durationMs = Math.round((await input.computeDuration()) * 1000);
		const videoTrack = await input.getPrimaryVideoTrack();
		const audioTrack = await input.getPrimaryAudioTrack();
		let video: MediaFacts['video'] = null;
		if (videoTrack) {
			const stats = await videoTrack.computePacketStats();
			video = {
				codec: videoTrack.codec,
				width: videoTrack.displayWidth,
				height: videoTrack.displayHeight,
				frames: stats.packetCount,
				fps: Number(stats.averagePacketRate.toFixed(3)),
			};
		}
		const audio = audioTrack ? { codec: audioTrack.codec, sampleRate: audioTrack.sampleRate, channels: audioTrack.numberOfChannels } : null;
		return { durationMs, video, audio };
	} finally {
		input.dispose();
	}
};
