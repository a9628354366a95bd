import { openBrowser, renderStill, selectComposition } from '@remotion/renderer';
import { own } from '../../node/owned-resources';
import { writeThroughPartial } from '../../node/write-through-partial';
import type { VideoProps } from '../../schema/video-props';
import { resolveBrowserExecutable } from './browser-executable';
import { CHROMIUM_OPTIONS } from './render-video';
import { COMPOSITION_IDS } from '../../compositions/composition-ids';

export type RenderFrameOptions = { readonly compositionId?: string; readonly format?: 'png' | 'jpeg' };

/** Renders one frame of a composition (the video by default) to an image, written atomically. */
export const renderFrame = async (serveUrl: string, props: VideoProps, frame: number, output: string, options: RenderFrameOptions = {}): Promise<void> => {
	const browserExecutable = resolveBrowserExecutable();
	const browser = await openBrowser('chrome', { browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error' });
	const closeBrowser = () => browser.close({ silent: true }).catch(() => undefined);
	const disown = own({ kind: 'browser', release: closeBrowser, releaseNow: () => undefined });
	const format = options.format ?? 'png';
	try {
		const id = options.compositionId ?? COMPOSITION_IDS.video;
		const composition = await selectComposition({ serveUrl, id, inputProps: props, puppeteerInstance: browser, logLevel: 'error' });
		await writeThroughPartial(output, (partial) =>
			renderStill({
				serveUrl,
				composition,
				inputProps: props,
				frame,
				output: partial,
				imageFormat: format,
				...(format === 'jpeg' ? { jpegQuality: 90 } : {}),
				puppeteerInstance: browser,
				overwrite: true,
				logLevel: 'error',
			}),
		);
	} finally {
		await closeBrowser();
		disown();
	}
};
