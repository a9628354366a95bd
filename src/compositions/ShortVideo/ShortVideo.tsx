import { linearTiming, TransitionSeries } from '@remotion/transitions';
import React, { useMemo } from 'react';
import { AbsoluteFill, useVideoConfig } from 'remotion';
import { CaptionTrack } from '../../components/CaptionTrack';
import { MusicTrack } from '../../components/MusicTrack';
import { NarrationTrack } from '../../components/NarrationTrack';
import { Scene } from '../../components/Scene';
import type { VideoProps } from '../../schema/video-props';
import { layoutFor } from '../../timeline/layout';
import { sceneSlots } from '../../timeline/scene-timeline';
import { TRANSITION_PRESENTATIONS } from './transition-table';

/** Scenes in a TransitionSeries; music, narration and captions on absolute tracks above it. */
export const ShortVideo: React.FC<VideoProps> = ({ scenes, theme, aspectRatio, music }) => {
	const { width, height } = useVideoConfig();
	const layout = useMemo(() => layoutFor(aspectRatio, width, height), [aspectRatio, width, height]);
	const slots = useMemo(() => sceneSlots(scenes), [scenes]);
	return (
		<AbsoluteFill style={{ backgroundColor: '#000' }}>
			<TransitionSeries>
				{scenes.flatMap((scene) => {
					const sequence = (
						<TransitionSeries.Sequence key={`scene-${scene.id}`} name={`Scene ${scene.id}`} durationInFrames={scene.durationInFrames}>
							<Scene scene={scene} theme={theme} layout={layout} />
						</TransitionSeries.Sequence>
					);
					if (scene.transition.durationInFrames === 0) return [sequence];
					return [
						<TransitionSeries.Transition
							key={`transition-${scene.id}`}
							presentation={TRANSITION_PRESENTATIONS[scene.transition.name]()}
							timing={linearTiming({ durationInFrames: scene.transition.durationInFrames })}
						/>,
						sequence,
					];
				})}
			</TransitionSeries>
			{music ? <MusicTrack music={music} /> : null}
			<NarrationTrack scenes={scenes} slots={slots} />
			<CaptionTrack scenes={scenes} slots={slots} layout={layout} theme={theme} />
		</AbsoluteFill>
	);
};
