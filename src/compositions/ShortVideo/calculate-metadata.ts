import type { CalculateMetadataFunction } from 'remotion';
import { ASPECT_SIZES } from '../../schema/platforms';
import type { VideoProps } from '../../schema/video-props';
import { totalDurationInFrames } from '../../timeline/scene-timeline';

/** Size from the aspect ratio (itself from the platform), length from the scenes less their overlaps. */
export const videoMetadata = (props: VideoProps) => ({
	...ASPECT_SIZES[props.aspectRatio],
	fps: props.fps,
	durationInFrames: Math.max(1, totalDurationInFrames(props.scenes)),
});

export const calculateMetadata: CalculateMetadataFunction<VideoProps> = ({ props }) => videoMetadata(props);
