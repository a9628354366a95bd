import type { CalculateMetadataFunction } from 'remotion';
import { PLATFORMS } from '../../schema/platforms';
import type { VideoProps } from '../../schema/video-props';

/** One frame at the platform's cover size (a YouTube thumbnail is 1280×720). */
export const coverMetadata = (props: VideoProps) => ({
	...PLATFORMS[props.platform].coverSize,
	fps: props.fps,
	durationInFrames: 1,
});

export const calculateCoverMetadata: CalculateMetadataFunction<VideoProps> = ({ props }) => coverMetadata(props);
