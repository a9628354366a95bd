import React from 'react';
import { useCurrentFrame } from 'remotion';
import { CaptionTrack } from '../../components/CaptionTrack';
import { NarrationTrack } from '../../components/NarrationTrack';
import type { SceneProps, Theme } from '../../schema/video-props';
import type { Layout } from '../../timeline/layout';
import type { SceneSlot } from '../../timeline/scene-timeline';
import { sceneWindowAt } from '../../timeline/scene-window';
import { SceneSeries } from './SceneSeries';

export type SceneTimelineProps = {
	readonly scenes: readonly SceneProps[];
	readonly slots: readonly SceneSlot[];
	readonly layout: Layout;
	readonly theme: Theme;
};

/** Every scene, narration and caption: the timeline Studio and the Player show. */
export const WholeTimeline: React.FC<SceneTimelineProps> = ({ scenes, slots, layout, theme }) => (
	<>
		<SceneSeries scenes={scenes} from={0} theme={theme} layout={layout} />
		<NarrationTrack scenes={scenes} slots={slots} />
		<CaptionTrack scenes={scenes} layout={layout} theme={theme} />
	</>
);

/**
 * Only what the current frame can show, at the same place in time: a render draws the same pictures with the
 * same work per frame whether the video has 10 scenes or 300 (every mounted sequence is re-rendered each frame,
 * which made a 30-minute video draw at half the speed of a 1-minute one). The series is keyed by its first
 * scene, so a scene never takes over another's mounted state.
 */
export const CurrentFrameTimeline: React.FC<SceneTimelineProps> = ({ scenes, slots, layout, theme }) => {
	const frame = useCurrentFrame();
	const { first, last } = sceneWindowAt(slots, frame);
	return (
		<>
			<SceneSeries key={first} scenes={scenes.slice(first, last + 1)} from={slots[first]?.startFrame ?? 0} theme={theme} layout={layout} />
			<NarrationTrack scenes={scenes} slots={slots} onlyAt={frame} />
			<CaptionTrack scenes={scenes} layout={layout} theme={theme} onlyAt={frame} />
		</>
	);
};
