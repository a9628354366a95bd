import type React from 'react';
import type { CalculateMetadataFunction } from 'remotion';
import type { VideoProps } from '../schema/video-props';
import { calculateCoverMetadata, coverMetadata } from './Cover/calculate-cover-metadata';
import { Cover } from './Cover/Cover';
import { calculateMetadata, videoMetadata } from './ShortVideo/calculate-metadata';
import { ShortVideo } from './ShortVideo/ShortVideo';
import { COMPOSITION_IDS, type CompositionId } from './composition-ids';

export { COMPOSITION_IDS, type CompositionId };

export type CompositionEntry = {
	readonly component: React.FC<VideoProps>;
	readonly calculateMetadata: CalculateMetadataFunction<VideoProps>;
	/** The same size, rate and length, at once: what the Studio lists before calculateMetadata has run. */
	readonly metadata: (props: VideoProps) => { width: number; height: number; fps: number; durationInFrames: number };
};

/** Every composition, by id: registered in the Studio (Root.tsx) and rendered by the web engine's page. */
export const COMPOSITIONS: Readonly<Record<CompositionId, CompositionEntry>> = {
	[COMPOSITION_IDS.video]: { component: ShortVideo, calculateMetadata, metadata: videoMetadata },
	[COMPOSITION_IDS.cover]: { component: Cover, calculateMetadata: calculateCoverMetadata, metadata: coverMetadata },
};
