import React, { useMemo } from 'react';
import { Sequence, useVideoConfig } from 'remotion';
import type { SceneProps, Theme } from '../schema/video-props';
import { captionTimeline } from '../timeline/caption-timeline';
import type { Layout } from '../timeline/layout';
import { coversFrame } from '../timeline/scene-window';
import { Captions } from './Captions';

/**
 * Captions above the transitions, each scene's shown only while its narration may run. With `onlyAt`, only the
 * captions shown at that frame are mounted.
 */
export const CaptionTrack: React.FC<{
	readonly scenes: readonly SceneProps[];
	readonly layout: Layout;
	readonly theme: Theme;
	readonly onlyAt?: number;
}> = ({ scenes, layout, theme, onlyAt }) => {
	const { fps } = useVideoConfig();
	const timeline = useMemo(() => captionTimeline({ fps, scenes }, layout.captions), [fps, scenes, layout.captions]);
	return (
		<>
			{timeline.map((scene) => {
				if (scene.pages.length === 0 || (onlyAt !== undefined && !coversFrame(scene.startFrame, scene.shownFrames, onlyAt))) return null;
				return (
					<Sequence key={scene.sceneId} name={`Captions ${scene.sceneId}`} from={scene.startFrame} durationInFrames={scene.shownFrames} layout="none">
						<Captions pages={scene.pages} box={layout.captions} theme={theme} />
					</Sequence>
				);
			})}
		</>
	);
};
