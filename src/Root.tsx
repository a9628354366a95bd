import React from 'react';
import { Composition } from 'remotion';
import seedExample from '../examples/ai-tools-douyin.json';
import { COMPOSITIONS } from './compositions/registry';
import { buildProps } from './props/build-props';
import { videoPropsSchema } from './schema/video-props';
import { videoScriptSchema } from './schema/video-script';

/** Studio opens on the seed's own example; renders pass their own props. */
const defaultProps = buildProps(videoScriptSchema.parse(seedExample));

export const RemotionRoot: React.FC = () => (
	<>
		{Object.entries(COMPOSITIONS).map(([id, entry]) => (
			<Composition
				key={id}
				id={id}
				component={entry.component}
				schema={videoPropsSchema}
				defaultProps={defaultProps}
				calculateMetadata={entry.calculateMetadata}
				width={1080}
				height={1920}
				fps={30}
				durationInFrames={1}
			/>
		))}
	</>
);
