import React from 'react';
import { Audio } from '@remotion/media';
import { Sequence } from 'remotion';
import type { SceneProps } from '../schema/video-props';
import type { SceneSlot } from '../timeline/scene-timeline';
import { assetUrl } from './asset-src';

/** Each scene's voice on one absolute track, starting on the scene's first frame; transitions never move it. */
export const NarrationTrack: React.FC<{ readonly scenes: readonly SceneProps[]; readonly slots: readonly SceneSlot[] }> = ({
	scenes,
	slots,
}) => (
	<>
		{scenes.map((scene, i) =>
			scene.audio ? (
				<Sequence key={scene.id} name={`Narration ${scene.id}`} from={slots[i]!.startFrame} durationInFrames={scene.audio.durationInFrames} layout="none">
					<Audio src={assetUrl(scene.audio.src)} />
				</Sequence>
			) : null,
		)}
	</>
);
