import { COMPOSITION_IDS } from '../../../compositions/composition-ids';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { calculateMetadata } from '../../../compositions/ShortVideo/calculate-metadata';
import type { WebRenderProgress } from '../../../web-render/web-render-protocol';
import { renderKey } from '../render-key';
import type { RenderResult, VideoRenderJob } from '../render-video';
import { frameCount, planChunks, type Chunk } from './chunk-plan';
import { openChunkStore } from './chunk-store';
import { joinParts } from './join-parts';
import { renderChunks } from './render-chunks';
import { renderStallMs } from '../stall-watchdog';

export type RenderVideoOnWebOptions = VideoRenderJob & {
	/** Folder the props' relative asset paths resolve against (the asset cache). */
	readonly publicDir: string;
};

/** H.264 bitrate from the pixel rate: bits per pixel per frame, measured against x264 at crf 20 (npm run bench). */
export const webVideoBitrate = (width: number, height: number, fps: number, bitsPerPixel: number): number => Math.round(width * height * fps * bitsPerPixel);

/**
 * Renders props to an H.264/AAC MP4 inside the browser (Remotion's web renderer: each frame drawn to a
 * canvas, encoded with WebCodecs), which skips the per-frame screenshot, JPEG and FFmpeg round trip.
 * The frames are cut into chunks (see planChunks) that `concurrency` browsers render one after another,
 * each chunk an MP4 of H.264 and PCM kept on disk until the end; a rerun after a crash or a kill renders only
 * the missing ones. The chunks are joined without re-encoding the video, the soundtrack normalised and encoded
 * to AAC once. The output appears by rename, complete, or not at all.
 */
export const renderVideoOnWeb = async ({
	publicDir,
	props,
	outputFile,
	settings,
	onProgress,
	onStage,
	frameRange,
	loudness,
	stallMs,
}: RenderVideoOnWebOptions): Promise<RenderResult> => {
	const started = performance.now();
	const meta = calculateMetadata({
		props,
		defaultProps: props,
		abortSignal: new AbortController().signal,
		compositionId: COMPOSITION_IDS.video,
		isRendering: true,
	}) as {
		width: number;
		height: number;
		fps: number;
		durationInFrames: number;
	};
	const width = Math.round(meta.width * settings.scale);
	const height = Math.round(meta.height * settings.scale);
	const range = frameRange ?? ([0, meta.durationInFrames - 1] as const);
	const frames = frameCount(range);
	await mkdir(path.dirname(outputFile), { recursive: true });
	const chunks = planChunks(range, settings.concurrency, settings.chunkFrames);
	const store = await openChunkStore(outputFile, await renderKey(props, settings));
	const finished = await Promise.all(chunks.map((c) => store.isFinished(c)));
	const kept = chunks.filter((_, i) => finished[i]);
	const resumedFrames = kept.reduce((sum, c) => sum + frameCount(c.frameRange), 0);
	if (kept.length > 0) onStage?.(`resuming: ${kept.length} of ${chunks.length} chunks (${resumedFrames} frames) were rendered by an earlier run`);

	const rendered = new Map<number, number>();
	const encoded = new Map<number, number>();
	const sum = (values: Map<number, number>) => resumedFrames + [...values.values()].reduce((a, b) => a + b, 0);
	const report = (chunk: Chunk, p: WebRenderProgress) => {
		rendered.set(chunk.index, p.renderedFrames);
		encoded.set(chunk.index, p.encodedFrames);
		onProgress?.({ renderedFrames: sum(rendered), encodedFrames: sum(encoded), totalFrames: frames, progress: sum(encoded) / frames });
	};
	const videoBitrate = webVideoBitrate(width, height, meta.fps, settings.webBitsPerPixel);
	await renderChunks({
		publicDir,
		request: { compositionId: COMPOSITION_IDS.video, props, scale: settings.scale, videoBitrate, keyframeIntervalInSeconds: 2 },
		encoder: { width, height, videoBitrate },
		chunks,
		store,
		concurrency: settings.concurrency,
		stallMs: stallMs ?? renderStallMs(),
		onChunkProgress: report,
	});
	const measured = await joinParts(
		chunks.map((c) => store.fileFor(c)),
		outputFile,
		{ fps: meta.fps, expectedFrames: frames, ...(loudness ? { loudness } : {}) },
	);
	await store.clear();
	const wallMs = performance.now() - started;
	return {
		file: outputFile,
		durationInFrames: meta.durationInFrames,
		width,
		height,
		fps: meta.fps,
		sizeBytes: (await stat(outputFile)).size,
		wallMs: Math.round(wallMs),
		// frames drawn by this run: chunks kept from an earlier one took no time here
		renderFps: Number(((frames - resumedFrames) / (wallMs / 1000)).toFixed(2)),
		loudness: measured,
	};
};
