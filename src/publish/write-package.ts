import { COMPOSITION_IDS } from '../compositions/composition-ids';
import { writeFileAtomic } from '../node/write-file-atomic';
import type { VideoProps } from '../schema/video-props';
import type { VideoScript } from '../schema/video-script';
import { captionCues } from './caption-cues';
import type { SceneCredit } from './credits';
import { toSrt, toVtt } from './subtitle-files';
import { finalEncoding, videoMetadata, type EncodedVideo } from './video-metadata';

export type PackagePaths = { readonly cover: string; readonly srt: string; readonly vtt: string; readonly metadata: string };

/**
 * The package files made from the props and the encoded size: SRT and VTT from the burned-in caption timings,
 * and metadata.json. Without `encoded` the video is taken to be a final render at the platform's size.
 */
export const writePackageFiles = async (
	script: VideoScript,
	props: VideoProps,
	paths: Omit<PackagePaths, 'cover'>,
	encoded: EncodedVideo = finalEncoding(props),
	credits: readonly SceneCredit[] = [],
): Promise<void> => {
	const cues = captionCues(props);
	await writeFileAtomic(paths.srt, toSrt(cues));
	await writeFileAtomic(paths.vtt, toVtt(cues));
	await writeFileAtomic(paths.metadata, `${JSON.stringify(videoMetadata(script, props, encoded, credits), null, 2)}\n`);
};

/** Draws one frame of a composition to an image file: either render engine can. */
export type StillRenderer = (props: VideoProps, frame: number, output: string, options: { compositionId: string; format: 'png' | 'jpeg' }) => Promise<void>;

/** The cover: a still of the Cover composition at the platform's cover size. */
export const writeCover = (renderStill: StillRenderer, props: VideoProps, cover: string): Promise<void> =>
	renderStill(props, 0, cover, { compositionId: COMPOSITION_IDS.cover, format: 'jpeg' });

/** Everything an upload needs next to video.mp4 (Lambda renders make the cover on Lambda instead). */
export const writePackage = async (
	renderStill: StillRenderer,
	script: VideoScript,
	props: VideoProps,
	paths: PackagePaths,
	encoded: EncodedVideo,
	credits: readonly SceneCredit[] = [],
): Promise<void> => {
	await writePackageFiles(script, props, paths, encoded, credits);
	await writeCover(renderStill, props, paths.cover);
};
