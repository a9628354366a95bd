import React from 'react';
import { Composition, Folder, type CalculateMetadataFunction } from 'remotion';
import catalogue from 'reelsmith-studio-catalogue';
import aiToolsDouyin from '../../examples/ai-tools-douyin.json';
import morningRoutineYoutube from '../../examples/morning-routine-youtube.json';
import lighthouseStoryBilibili from '../../examples/lighthouse-story-bilibili.json';
import { COMPOSITIONS, COMPOSITION_IDS } from '../compositions/registry';
import { buildProps } from '../props/build-props';
import { videoPropsSchema, type VideoProps } from '../schema/video-props';
import { videoScriptSchema } from '../schema/video-script';

/** The examples as bare scripts: no voice or images (captions estimated), each composition of the registry. */
const EXAMPLES = { 'ai-tools-douyin': aiToolsDouyin, 'morning-routine-youtube': morningRoutineYoutube, 'lighthouse-story-bilibili': lighthouseStoryBilibili };

const videoEntry = COMPOSITIONS[COMPOSITION_IDS.video];

const withOutName =
	(outName: string): CalculateMetadataFunction<VideoProps> =>
	async (options) => ({ ...(await videoEntry.calculateMetadata(options)), defaultOutName: outName });

/**
 * The Studio's compositions: each made video (the props its render used, assets served from the output's cache),
 * then the examples. Renders use src/index.ts, which registers the bare compositions only.
 */
export const StudioRoot: React.FC = () => (
	<>
		{catalogue.videos.length > 0 ? (
			<Folder name="videos">
				{catalogue.videos.map((video) => (
					<Composition
						key={video.id}
						id={video.id}
						component={videoEntry.component}
						schema={videoPropsSchema}
						defaultProps={video.props}
						calculateMetadata={withOutName(video.outName)}
						{...videoEntry.metadata(video.props)}
					/>
				))}
			</Folder>
		) : null}
		<Folder name="examples">
			{Object.entries(EXAMPLES).flatMap(([name, script]) => {
				const props = buildProps(videoScriptSchema.parse(script));
				return Object.entries(COMPOSITIONS).map(([compositionId, entry]) => {
					const id = compositionId === COMPOSITION_IDS.video ? `example-${name}` : `example-${name}-${compositionId.toLowerCase()}`;
					return (
						<Composition
							key={id}
							id={id}
							component={entry.component}
							schema={videoPropsSchema}
							defaultProps={props}
							calculateMetadata={entry.calculateMetadata}
							{...entry.metadata(props)}
						/>
					);
				});
			})}
		</Folder>
	</>
);
