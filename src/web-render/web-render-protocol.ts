import type { VideoProps } from '../schema/video-props';

/** What Node asks of the page (src/web-render/web-render-entry.tsx), as JSON over the DevTools protocol. */
export type WebRenderRequest = {
	readonly compositionId: string;
	readonly props: VideoProps;
	readonly scale: number;
	readonly videoBitrate: number;
	readonly audioBitrate: number;
	readonly keyframeIntervalInSeconds: number;
	readonly frameRange: readonly [number, number] | null;
	/** `mp4` with video (and audio unless muted), or `wav`: the soundtrack alone. */
	readonly container: 'mp4' | 'wav';
	readonly muted: boolean;
	readonly licenseKey: string;
	/** Where the page POSTs the finished file. */
	readonly uploadPath: string;
};

export type WebStillRequest = {
	readonly compositionId: string;
	readonly props: VideoProps;
	readonly frame: number;
	readonly scale: number;
	readonly format: 'png' | 'jpeg';
	readonly licenseKey: string;
	readonly uploadPath: string;
};

export type WebRenderResult = { readonly bytes: number };

export type WebRenderProgress = { readonly renderedFrames: number; readonly encodedFrames: number; readonly progress: number };
