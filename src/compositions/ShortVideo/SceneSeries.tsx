import { linearTiming, TransitionSeries } from '@remotion/transitions';
import React from 'react';
import { Scene } from '../../components/Scene';
import type { SceneProps, Theme } from '../../schema/video-props';
import type { Layout } from '../../timeline/layout';
import { TRANSITION_PRESENTATIONS } from './transition-table';

/**
 * Scenes in a TransitionSeries starting at `from`. A transition before the first scene is an entrance: it
 * overlaps nothing, so a series cut out of a longer one keeps every scene at its place.
 */
export const SceneSeries: React.FC<{
	readonly scenes: readonly SceneProps[];
	readonly from: number;
	readonly theme: Theme;
	readonly layout: Layout;
}> = ({ scenes, from, theme, layout }) => (
	<TransitionSeries from={from}>
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
);
