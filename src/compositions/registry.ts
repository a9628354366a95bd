import type React from 'react';
import type { CalculateMetadataFunction } from 'remotion';
import type { VideoProps } from '../schema/video-props';
import { calculateCoverMetadata } from './Cover/calculate-cover-metadata';
import { Cover } from './Cover/Cover';
import { calculateMetadata } from './ShortVideo/calculate-metadata';
import { ShortVideo } from './ShortVideo/ShortVideo';
import { COMPOSITION_IDS, type CompositionId } from './composition-ids';

export { COMPOSITION_IDS, type CompositionId };

export type CompositionEntry = { readonly component: React.FC<VideoProps>; readonly calculateMetadata: CalculateMetadataFunction<VideoProps> };

/** Every composition, by id: registered in the Studio (Root.tsx) and rendered by the web engine's page. */
export const COMPOSITIONS: Readonly<Record<CompositionId, CompositionEntry>> = {
	[COMPOSITION_IDS.video]: { component: ShortVideo, calculateMetadata },
	[COMPOSITION_IDS.cover]: { component: Cover, calculateMetadata: calculateCoverMetadata },
};
