import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';

export type ClipFacts = { readonly durationMs: number; readonly width: number; readonly height: number };

/**
 * Reads a downloaded clip the way the pipeline's probe does (mediabunny): it must be a container with a video
 * track of a known codec, frames and a length. Anything else (an HTML error page, a truncated file) throws, so
 * the scene fails as a provider failure instead of reaching the renderer.
 */
export const checkClip = async (bytes: Uint8Array): Promise<ClipFacts> => {
	const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
	try {
		const track = await input.getPrimaryVideoTrack().catch((error: unknown) => {
			throw new Error(`the downloaded clip is not a video file Pexels serves (${(error as Error).message})`);
		});
		if (!track || track.codec === null) throw new Error('the downloaded clip holds no video track of a known codec');
		const stats = await track.computePacketStats(1);
		const durationMs = Math.round((await input.computeDuration()) * 1000);
		if (stats.packetCount === 0 || durationMs <= 0) throw new Error('the downloaded clip holds no frames');
		return { durationMs, width: track.displayWidth, height: track.displayHeight };
	} finally {
		input.dispose();
	}
};
