import React from 'react';
import { Sequence } from 'remotion';
import type { SceneProps, Theme } from '../schema/video-props';
import type { Layout } from '../timeline/layout';
import type { SceneSlot } from '../timeline/scene-timeline';
import { coversFrame } from '../timeline/scene-window';
import { Captions } from './Captions';

/**
 * Captions above the transitions, each scene's shown only while its narration may run. With `onlyAt`, only the
 * captions shown at that frame are mounted.
 */
export const CaptionTrack: React.FC<{
	readonly scenes: readonly SceneProps[];
	readonly slots: readonly SceneSlot[];
	readonly layout: Layout;
	readonly theme: Theme;
	readonly onlyAt?: number;
}> = ({ scenes, slots, layout, theme, onlyAt }) => (
	<>
		{scenes.map((scene, i) => {
			const shownFor = Math.max(1, slots[i]!.speechFrames);
			if (scene.captions.length === 0 || (onlyAt !== undefined && !coversFrame(slots[i]!.startFrame, shownFor, onlyAt))) return null;
			return (
				<Sequence key={scene.id} name={`Captions ${scene.id}`} from={slots[i]!.startFrame} durationInFrames={shownFor} layout="none">
					<Captions captions={scene.captions} box={layout.captions} theme={theme} />
				</Sequence>
			);
		})}
	</>
);
