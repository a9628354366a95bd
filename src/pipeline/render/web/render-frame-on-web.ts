import { COMPOSITION_IDS } from '../../../compositions/composition-ids';
import type { VideoProps } from '../../../schema/video-props';
import type { WebStillRequest } from '../../../web-render/web-render-protocol';
import { writeThroughPartial } from '../../../node/write-through-partial';
import type { RenderFrameOptions } from '../render-frame';
import { renderOnPageToFile } from './render-page';

/** One frame of a composition drawn by the web renderer, written atomically: the in-browser twin of renderFrame. */
export const renderFrameOnWeb = async (
	publicDir: string,
	props: VideoProps,
	frame: number,
	output: string,
	options: RenderFrameOptions = {},
): Promise<void> => {
	const request: Omit<WebStillRequest, 'uploadPath' | 'licenseKey'> = {
		compositionId: options.compositionId ?? COMPOSITION_IDS.video,
		props,
		frame,
		scale: 1,
		format: options.format ?? 'png',
	};
	await writeThroughPartial(output, (partial) => renderOnPageToFile(publicDir, 'renderStill', request, partial));
};
