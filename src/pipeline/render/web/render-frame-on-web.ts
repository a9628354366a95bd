import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { VideoProps } from '../../../schema/video-props';
import type { WebStillRequest } from '../../../web-render/web-render-protocol';
import type { RenderFrameOptions } from '../render-frame';
import { renderOnPageToFile } from './render-page';

/** One frame of a composition drawn by the web renderer, written atomically: the in-browser twin of renderFrame. */
export const renderFrameOnWeb = async (publicDir: string, props: VideoProps, frame: number, output: string, options: RenderFrameOptions = {}): Promise<void> => {
	const format = options.format ?? 'png';
	const partial = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.partial.${format === 'png' ? 'png' : 'jpg'}`);
	const request: Omit<WebStillRequest, 'uploadPath' | 'licenseKey'> = { compositionId: options.compositionId ?? 'ShortVideo', props, frame, scale: 1, format };
	await renderOnPageToFile(publicDir, 'renderStill', request, partial);
	await rename(partial, output);
};
