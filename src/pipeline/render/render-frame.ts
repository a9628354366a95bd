import { openBrowser, renderStill, selectComposition } from '@remotion/renderer';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { VideoProps } from '../../schema/video-props';
import { resolveBrowserExecutable } from './browser-executable';
import { CHROMIUM_OPTIONS, COMPOSITION_ID } from './render-video';

export type RenderFrameOptions = { readonly compositionId?: string; readonly format?: 'png' | 'jpeg' };

/** Renders one frame of a composition (the video by default) to an image, written atomically. */
export const renderFrame = async (serveUrl: string, props: VideoProps, frame: number, output: string, options: RenderFrameOptions = {}): Promise<void> => {
	const browserExecutable = resolveBrowserExecutable();
	const browser = await openBrowser('chrome', { browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error' });
	const format = options.format ?? 'png';
	const partial = path.join(path.dirname(output), `.${path.basename(output)}.partial.${format === 'png' ? 'png' : 'jpg'}`);
	try {
		const id = options.compositionId ?? COMPOSITION_ID;
		const composition = await selectComposition({ serveUrl, id, inputProps: props, puppeteerInstance: browser, logLevel: 'error' });
		await renderStill({
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
		});
		await rename(partial, output);
	} finally {
		await browser.close({ silent: true });
	}
};
