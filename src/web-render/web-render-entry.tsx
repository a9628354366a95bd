import { renderMediaOnWeb, renderStillOnWeb } from '@remotion/web-renderer';
import { COMPOSITIONS } from '../compositions/registry';
import type { VideoProps } from '../schema/video-props';
import type { WebRenderRequest, WebRenderResult, WebStillRequest } from './web-render-protocol';

/**
 * Runs inside the headless browser: renders the same compositions as the Studio and the screenshot
 * renderer, drawing each frame to a canvas and encoding with WebCodecs, then hands the file to the
 * local server that serves this page.
 */

declare global {
	interface Window {
		reelsmith: { renderVideo: (r: WebRenderRequest) => Promise<WebRenderResult>; renderStill: (r: WebStillRequest) => Promise<WebRenderResult> };
		reelsmithProgress?: (payload: string) => void;
	}
}

const compositionFor = async (id: string, props: VideoProps) => {
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
	};
};

const upload = async (blob: Blob, uploadPath: string): Promise<WebRenderResult> => {
	const response = await fetch(uploadPath, { method: 'POST', body: blob });
	if (!response.ok) throw new Error(`saving the render failed: ${response.status} ${await response.text()}`);
	return { bytes: blob.size };
};

window.reelsmith = {
	renderVideo: async (request) => {
		const composition = await compositionFor(request.compositionId, request.props);
		const { getBlob } = await renderMediaOnWeb({
			composition,
			inputProps: request.props,
			container: 'mp4',
			videoCodec: 'h264',
			audioCodec: 'pcm-s16',
			// decoded audio is small; the default budget (1 GB) is what two browsers side by side cannot afford
			mediaCacheSizeInBytes: 128 * 1024 * 1024,
			videoBitrate: request.videoBitrate,
			keyframeIntervalInSeconds: request.keyframeIntervalInSeconds,
			hardwareAcceleration: 'prefer-software',
			scale: request.scale,
			frameRange: request.frameRange ? [request.frameRange[0], request.frameRange[1]] : null,
			licenseKey: request.licenseKey,
			allowHtmlInCanvas: false,
			logLevel: 'error',
			onProgress: (p: { renderedFrames: number; encodedFrames: number; progress: number }) => window.reelsmithProgress?.(JSON.stringify({ renderedFrames: p.renderedFrames, encodedFrames: p.encodedFrames, progress: p.progress })),
		} as never);
		return upload(await getBlob(), request.uploadPath);
	},
	renderStill: async (request) => {
		const composition = await compositionFor(request.compositionId, request.props);
		const still = await renderStillOnWeb({
			composition,
			inputProps: request.props,
			frame: request.frame,
			scale: request.scale,
			licenseKey: request.licenseKey,
			allowHtmlInCanvas: false,
			logLevel: 'error',
		} as never);
		return upload(await still.blob({ format: request.format, ...(request.format === 'jpeg' ? { quality: 0.9 } : {}) } as never), request.uploadPath);
	},
};
