import React, { useMemo } from 'react';
import { AbsoluteFill, useRemotionEnvironment, useVideoConfig } from 'remotion';
import { MusicTrack } from '../../components/MusicTrack';
import type { VideoProps } from '../../schema/video-props';
import { layoutFor } from '../../timeline/layout';
import { sceneSlots } from '../../timeline/scene-timeline';
import { CurrentFrameTimeline, WholeTimeline } from './SceneTimelines';

/**
 * Scenes in a TransitionSeries; music, narration and captions on absolute tracks above it. A render mounts only
 * what each frame shows; Studio and the Player get the whole timeline to scrub and inspect.
 */
export const ShortVideo: React.FC<VideoProps> = ({ scenes, theme, aspectRatio, music }) => {
	const { width, height } = useVideoConfig();
	const { isRendering } = useRemotionEnvironment();
	const layout = useMemo(() => layoutFor(aspectRatio, width, height), [aspectRatio, width, height]);
	const slots = useMemo(() => sceneSlots(scenes), [scenes]);
	const Timeline = isRendering ? CurrentFrameTimeline : WholeTimeline;
	return (
		<AbsoluteFill style={{ backgroundColor: '#000' }}>
			<Timeline scenes={scenes} slots={slots} layout={layout} theme={theme} />
			{music ? <MusicTrack music={music} /> : null}
		</AbsoluteFill>
	);
};
