import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { calculateMetadata } from '../../../compositions/ShortVideo/calculate-metadata';
import type { VideoProps } from '../../../schema/video-props';
import type { WebRenderProgress, WebRenderRequest } from '../../../web-render/web-render-protocol';
import type { RenderResult, VideoRenderJob } from '../render-video';
import { joinParts } from './join-parts';
import { renderOnPageToFile } from './render-page';
import { splitFrames } from './split-frames';

export type RenderVideoOnWebOptions = VideoRenderJob & {
	/** Folder the props' relative asset paths resolve against (the asset cache). */
	readonly publicDir: string;
};

/** H.264 bitrate from the pixel rate: bits per pixel per frame, measured against x264 at crf 20 (npm run bench). */
export const webVideoBitrate = (width: number, height: number, fps: number, bitsPerPixel: number): number =>
	Math.round(width * height * fps * bitsPerPixel);

type Part = { readonly file: string; readonly frameRange: readonly [number, number] };

/** One part of the render in its own browser: a page is one renderer thread, so parallel parts need separate browsers. */
const renderPart = (publicDir: string, props: VideoProps, base: Omit<WebRenderRequest, 'props' | 'uploadPath' | 'licenseKey' | 'frameRange'>, part: Part, onProgress: (p: WebRenderProgress) => void) => {
	const request: Omit<WebRenderRequest, 'uploadPath' | 'licenseKey'> = { ...base, props, frameRange: part.frameRange };
	return renderOnPageToFile(publicDir, 'renderVideo', request, part.file, onProgress);
};

/**
 * Renders props to an H.264/AAC MP4 inside the browser (Remotion's web renderer: each frame drawn to a
 * canvas, encoded with WebCodecs), which skips the per-frame screenshot, JPEG and FFmpeg round trip.
 * The frames are split between `concurrency` browsers; each part carries its own PCM soundtrack, and the
 * parts are joined without re-encoding the video, the audio encoded once to AAC. Writes next to the
 * target and renames at the end.
 */
export const renderVideoOnWeb = async ({ publicDir, props, outputFile, settings, onProgress, frameRange }: RenderVideoOnWebOptions): Promise<RenderResult> => {
	const started = performance.now();
	const meta = calculateMetadata({ props, defaultProps: props, abortSignal: new AbortController().signal, compositionId: 'ShortVideo', isRendering: true }) as {
		width: number;
		height: number;
		fps: number;
		durationInFrames: number;
	};
	const width = Math.round(meta.width * settings.scale);
	const height = Math.round(meta.height * settings.scale);
	const range = frameRange ?? ([0, meta.durationInFrames - 1] as const);
	const frames = range[1] - range[0] + 1;
	const partial = path.join(path.dirname(outputFile), `.${path.basename(outputFile)}.${process.pid}.partial.mp4`);
	await mkdir(path.dirname(outputFile), { recursive: true });
	const base = {
		compositionId: 'ShortVideo',
		scale: settings.scale,
		videoBitrate: webVideoBitrate(width, height, meta.fps, settings.webBitsPerPixel),
		keyframeIntervalInSeconds: 2,
	};
	const chunks = splitFrames(range, settings.concurrency);
	const rendered = chunks.map(() => 0);
	const encoded = chunks.map(() => 0);
	const report = (index: number) => (p: WebRenderProgress) => {
		rendered[index] = p.renderedFrames;
		encoded[index] = p.encodedFrames;
		const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
		onProgress?.({ renderedFrames: sum(rendered), encodedFrames: sum(encoded), totalFrames: frames, progress: sum(encoded) / frames });
	};
	const parts = chunks.map((chunk, i): Part => ({ file: `${partial}.part${i}.mp4`, frameRange: chunk }));
	const temporary = [partial, ...parts.map((p) => p.file)];
	try {
		await Promise.all(parts.map((part, i) => renderPart(publicDir, props, base, part, report(i))));
		await joinParts(
			parts.map((p) => p.file),
			meta.fps,
			partial,
		);
		await rename(partial, outputFile);
	} finally {
		await Promise.all(temporary.map((file) => rm(file, { force: true })));
	}
	const wallMs = performance.now() - started;
	return {
		file: outputFile,
		durationInFrames: meta.durationInFrames,
		width,
		height,
		fps: meta.fps,
		sizeBytes: (await stat(outputFile)).size,
		wallMs: Math.round(wallMs),
		renderFps: Number((frames / (wallMs / 1000)).toFixed(2)),
	};
};
