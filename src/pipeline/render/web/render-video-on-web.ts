import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { calculateMetadata } from '../../../compositions/ShortVideo/calculate-metadata';
import type { VideoProps } from '../../../schema/video-props';
import type { WebRenderProgress, WebRenderRequest } from '../../../web-render/web-render-protocol';
import type { RenderSettings } from '../render-settings';
import type { RenderProgress, RenderResult } from '../render-video';
import { openRenderPage } from './render-page';

export type RenderVideoOnWebOptions = {
	/** Folder the props' relative asset paths resolve against (the asset cache). */
	readonly publicDir: string;
	readonly props: VideoProps;
	readonly outputFile: string;
	readonly settings: RenderSettings;
	readonly onProgress?: (progress: RenderProgress) => void;
	readonly frameRange?: readonly [number, number];
};

/** H.264 bitrate from the pixel rate: bits per pixel per frame, measured against x264 at crf 20 (npm run bench). */
export const webVideoBitrate = (width: number, height: number, fps: number, bitsPerPixel: number): number =>
	Math.round(width * height * fps * bitsPerPixel);

/**
 * Renders props to an H.264/AAC MP4 inside the browser (Remotion's web renderer: each frame drawn to a
 * canvas, encoded with WebCodecs), which skips the per-frame screenshot, JPEG and FFmpeg round trip.
 * Writes next to the target and renames at the end, like the screenshot renderer.
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
	const frames = frameRange ? frameRange[1] - frameRange[0] + 1 : meta.durationInFrames;
	const partial = path.join(path.dirname(outputFile), `.${path.basename(outputFile)}.${process.pid}.partial.mp4`);
	await mkdir(path.dirname(outputFile), { recursive: true });
	const page = await openRenderPage(publicDir);
	try {
		const upload = page.expectUpload(partial);
		const request: Omit<WebRenderRequest, 'props'> = {
			compositionId: 'ShortVideo',
			scale: settings.scale,
			videoBitrate: webVideoBitrate(width, height, meta.fps, settings.webBitsPerPixel),
			audioBitrate: 192_000,
			keyframeIntervalInSeconds: 2,
			frameRange: frameRange ?? null,
			licenseKey: process.env.REMOTION_LICENSE_KEY?.trim() || 'free-license',
			uploadPath: upload.path,
		};
		await page.call(
			'renderVideo',
			{ ...request, props },
			(p: WebRenderProgress) => onProgress?.({ renderedFrames: p.renderedFrames, encodedFrames: p.encodedFrames, totalFrames: frames, progress: p.progress }),
		);
		await upload.received;
		await rename(partial, outputFile);
	} catch (error) {
		await rm(partial, { force: true });
		throw error;
	} finally {
		await page.close();
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
