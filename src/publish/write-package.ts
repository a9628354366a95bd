import { renderFrame } from '../pipeline/render/render-frame';
import { writeFileAtomic } from '../pipeline/output/write-file-atomic';
import type { VideoProps } from '../schema/video-props';
import type { VideoScript } from '../schema/video-script';
import { captionCues } from './caption-cues';
import { toSrt, toVtt } from './subtitle-files';
import { videoMetadata } from './video-metadata';

export type PackagePaths = { readonly cover: string; readonly srt: string; readonly vtt: string; readonly metadata: string };

/**
 * Everything an upload needs next to video.mp4: the cover (a still of the Cover composition at the
 * platform's cover size), SRT and VTT from the burned-in caption timings, and metadata.json.
 */
export const writePackage = async (serveUrl: string, script: VideoScript, props: VideoProps, paths: PackagePaths): Promise<void> => {
	const cues = captionCues(props);
	await writeFileAtomic(paths.srt, toSrt(cues));
	await writeFileAtomic(paths.vtt, toVtt(cues));
	await writeFileAtomic(paths.metadata, `${JSON.stringify(videoMetadata(script, props), null, 2)}\n`);
	await renderFrame(serveUrl, props, 0, paths.cover, { compositionId: 'Cover', format: 'jpeg' });
};
