import React from 'react';
import { Audio } from '@remotion/media';
import { Sequence } from 'remotion';
import type { SceneProps } from '../schema/video-props';
import type { SceneSlot } from '../timeline/scene-timeline';
import { coversFrame } from '../timeline/scene-window';
import { assetUrl } from './asset-src';

/**
 * Each scene's voice on one absolute track, starting on the scene's first frame; transitions never move it.
 * With `onlyAt`, only the voices that play at that frame are mounted.
 */
export const NarrationTrack: React.FC<{ readonly scenes: readonly SceneProps[]; readonly slots: readonly SceneSlot[]; readonly onlyAt?: number }> = ({
	scenes,
	slots,
	onlyAt,
}) => (
	<>
		{scenes.map((scene, i) =>
			scene.audio && (onlyAt === undefined || coversFrame(slots[i]!.startFrame, scene.audio.durationInFrames, onlyAt)) ? (
				<Sequence key={scene.id} name={`Narration ${scene.id}`} from={slots[i]!.startFrame} durationInFrames={scene.audio.durationInFrames} layout="none">
					{/* an asset that can't load fails the render at once, naming it, instead of waiting on HTML5 audio */}
					<Audio src={assetUrl(scene.audio.src)} disallowFallbackToHtml5Audio />
				</Sequence>
			) : null,
		)}
	</>
);
