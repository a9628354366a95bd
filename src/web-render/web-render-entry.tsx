import { canRenderMediaOnWeb, renderMediaOnWeb, renderStillOnWeb, type RenderMediaOnWebOptions, type RenderStillOnWebOptions } from '@remotion/web-renderer';
import { canEncodeVideo } from 'mediabunny';
import type { $ZodObject } from 'zod/v4/core';
import { COMPOSITIONS } from '../compositions/registry';
import type { VideoProps } from '../schema/video-props';
import { watchPageCancellation } from './page-cancellation';
import type { EncoderCheck, EncoderCheckRequest, WebRenderRequest, WebRenderResult, WebStillRequest } from './web-render-protocol';

/**
 * Runs inside the headless browser: renders the same compositions as the Studio and the screenshot
 * renderer, drawing each frame to a canvas and encoding with WebCodecs, then hands the file to the
 * local server that serves this page.
 */

declare global {
	interface Window {
		reelsmith: {
			checkEncoder: (r: EncoderCheckRequest) => Promise<EncoderCheck>;
			renderVideo: (r: WebRenderRequest) => Promise<WebRenderResult>;
			renderStill: (r: WebStillRequest) => Promise<WebRenderResult>;
		};
		reelsmithProgress?: (payload: string) => void;
	}
}

/** The compositions take VideoProps and have no zod schema of their own here: the props were validated in Node. */
type Composition = RenderMediaOnWebOptions<$ZodObject, VideoProps>['composition'];

const compositionFor = async (id: string, props: VideoProps): Promise<Composition> => {
	const entry = COMPOSITIONS[id as keyof typeof COMPOSITIONS];
	if (!entry) throw new Error(`unknown composition ${id}`);
	const meta = await entry.calculateMetadata({ props, defaultProps: props, abortSignal: new AbortController().signal, compositionId: id, isRendering: true });
	return {
		id,
		component: entry.component,
		width: meta.width!,
		height: meta.height!,
		fps: meta.fps!,
		durationInFrames: meta.durationInFrames!,
		calculateMetadata: null,
		defaultProps: props,
	};
};

const upload = async (blob: Blob, uploadPath: string): Promise<WebRenderResult> => {
	const response = await fetch(uploadPath, { method: 'POST', body: blob });
	if (!response.ok) throw new Error(`saving the render failed: ${response.status} ${await response.text()}`);
	return { bytes: blob.size };
};

window.reelsmith = {
	checkEncoder: async ({ width, height, videoBitrate }) => {
		const verdict = await canRenderMediaOnWeb({ container: 'mp4', videoCodec: 'h264', audioCodec: 'pcm-s16', width, height, videoBitrate });
		const problems = verdict.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.message);
		// Remotion's check asks about H.264 at a default size; the encoder must also take this size and rate
		if (!(await canEncodeVideo('avc', { width, height, bitrate: videoBitrate })))
			problems.push(`no H.264 encoder here takes ${width}x${height} at ${videoBitrate} bit/s`);
		return { canRender: problems.length === 0, problems };
	},
	renderVideo: async (request) => {
		const cancellation = watchPageCancellation();
		const options: RenderMediaOnWebOptions<$ZodObject, VideoProps> = {
			composition: await compositionFor(request.compositionId, request.props),
			inputProps: request.props,
			container: 'mp4',
			videoCodec: 'h264',
			audioCodec: 'pcm-s16',
			// the chunk is held in memory until it is uploaded; chunks keep that bounded
			outputTarget: 'arraybuffer',
			// decoded audio is small; the default budget (1 GB) is what two browsers side by side cannot afford
			mediaCacheSizeInBytes: 128 * 1024 * 1024,
			videoBitrate: request.videoBitrate,
			keyframeIntervalInSeconds: request.keyframeIntervalInSeconds,
			hardwareAcceleration: 'prefer-software',
			// nobody interacts with this page: the render loop need not yield to it with a setTimeout(0) every 33 ms
			pageResponsiveness: 'disabled',
			scale: request.scale,
			frameRange: request.frameRange ? [request.frameRange[0], request.frameRange[1]] : null,
			licenseKey: request.licenseKey,
			allowHtmlInCanvas: false,
			logLevel: 'error',
			signal: cancellation.signal,
			onProgress: (p) => window.reelsmithProgress?.(JSON.stringify({ renderedFrames: p.renderedFrames, encodedFrames: p.encodedFrames, progress: p.progress })),
		};
		try {
			const { getBlob } = await renderMediaOnWeb(options);
			return await upload(await getBlob(), request.uploadPath);
		} catch (error) {
			throw cancellation.cause() ?? error;
		} finally {
			cancellation.dispose();
		}
	},
	renderStill: async (request) => {
		const options: RenderStillOnWebOptions<$ZodObject, VideoProps> = {
			composition: await compositionFor(request.compositionId, request.props),
			inputProps: request.props,
			frame: request.frame,
			scale: request.scale,
			licenseKey: request.licenseKey,
			allowHtmlInCanvas: false,
			logLevel: 'error',
		};
		const still = await renderStillOnWeb(options);
		return upload(await still.blob({ format: request.format, ...(request.format === 'jpeg' ? { quality: 0.9 } : {}) }), request.uploadPath);
	},
};
