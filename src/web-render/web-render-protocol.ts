import type { VideoProps } from '../schema/video-props';

/** What Node asks of the page (src/web-render/web-render-entry.tsx), as JSON over the DevTools protocol. */
export type WebRenderRequest = {
	readonly compositionId: string;
	readonly props: VideoProps;
	readonly scale: number;
	readonly videoBitrate: number;
	readonly keyframeIntervalInSeconds: number;
	/** The part to render: an MP4 of H.264 and 16-bit PCM, so parts join sample-exactly before AAC. */
	readonly frameRange: readonly [number, number] | null;
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

/** Can this browser encode the video: asked once per page before any frame is drawn. */
export type EncoderCheckRequest = { readonly width: number; readonly height: number; readonly videoBitrate: number };
export type EncoderCheck = { readonly canRender: boolean; readonly problems: readonly string[] };

export type WebRenderProgress = { readonly renderedFrames: number; readonly encodedFrames: number; readonly progress: number };

/** The page's methods and what each takes. */
export type PageRequests = { checkEncoder: EncoderCheckRequest; renderVideo: WebRenderRequest; renderStill: WebStillRequest };
export type PageMethod = keyof PageRequests;
export type PageRequest<M extends PageMethod> = PageRequests[M];
export type PageResults = { checkEncoder: EncoderCheck; renderVideo: WebRenderResult; renderStill: WebRenderResult };
