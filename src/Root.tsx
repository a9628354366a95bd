import React from 'react';
import { Composition } from 'remotion';
import seedExample from '../examples/ai-tools-douyin.json';
import { calculateCoverMetadata } from './compositions/Cover/calculate-cover-metadata';
import { Cover } from './compositions/Cover/Cover';
import { calculateMetadata } from './compositions/ShortVideo/calculate-metadata';
import { ShortVideo } from './compositions/ShortVideo/ShortVideo';
import { buildProps } from './props/build-props';
import { videoPropsSchema } from './schema/video-props';
import { videoScriptSchema } from './schema/video-script';

/** Studio opens on the seed's own example; renders pass their own props. */
const defaultProps = buildProps(videoScriptSchema.parse(seedExample));

export const RemotionRoot: React.FC = () => (
	<>
		<Composition
		id="ShortVideo"
		component={ShortVideo}
		schema={videoPropsSchema}
		defaultProps={defaultProps}
		calculateMetadata={calculateMetadata}
		width={1080}
		height={1920}
		fps={30}
		durationInFrames={1}
		/>
		<Composition
			id="Cover"
			component={Cover}
			schema={videoPropsSchema}
			defaultProps={defaultProps}
			calculateMetadata={calculateCoverMetadata}
			width={1080}
			height={1920}
			fps={30}
			durationInFrames={1}
		/>
	</>
);
