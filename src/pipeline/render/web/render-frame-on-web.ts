import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { VideoProps } from '../../../schema/video-props';
import type { WebStillRequest } from '../../../web-render/web-render-protocol';
import type { RenderFrameOptions } from '../render-frame';
import { openRenderPage } from './render-page';

/** One frame of a composition drawn by the web renderer, written atomically: the in-browser twin of renderFrame. */
export const renderFrameOnWeb = async (publicDir: string, props: VideoProps, frame: number, output: string, options: RenderFrameOptions = {}): Promise<void> => {
	const format = options.format ?? 'png';
	const partial = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.partial.${format === 'png' ? 'png' : 'jpg'}`);
	const page = await openRenderPage(publicDir);
	try {
		const upload = page.expectUpload(partial);
		const request: Omit<WebStillRequest, 'props'> = {
			compositionId: options.compositionId ?? 'ShortVideo',
			frame,
			scale: 1,
			format,
			licenseKey: process.env.REMOTION_LICENSE_KEY?.trim() || 'free-license',
			uploadPath: upload.path,
		};
		await page.call('renderStill', { ...request, props });
		await upload.received;
		await rename(partial, output);
	} catch (error) {
		await rm(partial, { force: true });
		throw error;
	} finally {
		await page.close();
	}
};
