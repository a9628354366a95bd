import type { VideoProps } from '../../schema/video-props';
import { bundleSite } from './bundle-site';
import { renderVideo, type RenderResult, type VideoRenderJob } from './render-video';
import { renderVideoOnWeb } from './web/render-video-on-web';
import { renderFrameOnWeb } from './web/render-frame-on-web';
import { renderFrame } from './render-frame';
import type { RenderEngine } from './render-settings';

export type RenderWithEngineOptions = VideoRenderJob & {
	/** Folder the props' relative asset paths resolve against. */
	readonly publicDir: string;
	/** The screenshot engine's Remotion bundle, when the caller already made one. */
	readonly serveUrl?: string;
};

/** The video through the engine the settings name: `web` (in-browser, the default) or `screenshot`. */
export const renderWithEngine = async ({ publicDir, serveUrl, ...options }: RenderWithEngineOptions): Promise<RenderResult> =>
	options.settings.engine === 'web'
		? renderVideoOnWeb({ publicDir, ...options })
		: renderVideo({ ...options, serveUrl: serveUrl ?? (await bundleSite(publicDir)) });

/** A still renderer on the same engine as the video, so a web render needs no Remotion bundle for its cover. */
export const stillRendererFor =
	(engine: RenderEngine, publicDir: string) =>
	async (props: VideoProps, frame: number, output: string, options: { compositionId: string; format: 'png' | 'jpeg' }): Promise<void> =>
		engine === 'web' ? renderFrameOnWeb(publicDir, props, frame, output, options) : renderFrame(await bundleSite(publicDir), props, frame, output, options);
