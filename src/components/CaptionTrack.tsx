import React from 'react';
import { Sequence } from 'remotion';
import type { SceneProps, Theme } from '../schema/video-props';
import type { Layout } from '../timeline/layout';
import type { SceneSlot } from '../timeline/scene-timeline';
import { Captions } from './Captions';

/** Captions above the transitions, each scene's shown only while its narration may run. */
export const CaptionTrack: React.FC<{
	readonly scenes: readonly SceneProps[];
	readonly slots: readonly SceneSlot[];
	readonly layout: Layout;
	readonly theme: Theme;
}> = ({ scenes, slots, layout, theme }) => (
	<>
		{scenes.map((scene, i) =>
			scene.captions.length > 0 ? (
				<Sequence key={scene.id} name={`Captions ${scene.id}`} from={slots[i]!.startFrame} durationInFrames={Math.max(1, slots[i]!.speechFrames)} layout="none">
					<Captions captions={scene.captions} box={layout.captions} theme={theme} />
				</Sequence>
			) : null,
		)}
	</>
);
