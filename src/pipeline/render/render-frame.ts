import { openBrowser, renderStill, selectComposition } from '@remotion/renderer';
import type { VideoProps } from '../../schema/video-props';
import { resolveBrowserExecutable } from './browser-executable';
import { CHROMIUM_OPTIONS, COMPOSITION_ID } from './render-video';

/** Renders one frame of the composition to a PNG, for previews and checks. */
export const renderFrame = async (serveUrl: string, props: VideoProps, frame: number, output: string): Promise<void> => {
	const browserExecutable = resolveBrowserExecutable();
	const browser = await openBrowser('chrome', { browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error' });
	try {
		const composition = await selectComposition({ serveUrl, id: COMPOSITION_ID, inputProps: props, puppeteerInstance: browser, logLevel: 'error' });
		await renderStill({ serveUrl, composition, inputProps: props, frame, output, imageFormat: 'png', puppeteerInstance: browser, overwrite: true, logLevel: 'error' });
	} finally {
		await browser.close({ silent: true });
	}
};
