import React from 'react';
import { Video } from '@remotion/media';
import { AbsoluteFill, Freeze, useVideoConfig } from 'remotion';
import type { SceneVideo } from '../schema/video-props';
import { coverBox } from '../timeline/cover-box';
import type { FocusPoint } from '../timeline/ken-burns';
import { gainAt } from '../timeline/music-ducking';
import { assetUrl } from './asset-src';

/**
 * A scene's clip, covering the frame about the layout's focus. A clip shorter than its scene loops, or
 * holds its last frame when `loop` is off. `@remotion/media`'s Video decodes frame-accurately in every
 * engine (the web renderer's canvas, screenshots, Lambda); it is not allowed to fall back to an HTML5 video,
 * which would only be approximately in time.
 */
export const SceneClip: React.FC<{ readonly video: SceneVideo; readonly focus: FocusPoint; readonly children?: React.ReactNode }> = ({
	video,
	focus,
	children,
}) => {
	const { width, height } = useVideoConfig();
	const box = coverBox(video, { width, height }, focus);
	const lastFrame = video.durationInFrames - 1;
	return (
		<AbsoluteFill style={{ overflow: 'hidden' }}>
			<Freeze frame={lastFrame} active={(frame) => !video.loop && frame >= lastFrame}>
				<Video
					src={assetUrl(video.src)}
					trimBefore={video.startFrom > 0 ? video.startFrom : undefined}
					loop={video.loop}
					muted={video.muted}
					loopVolumeCurveBehavior="extend"
					volume={(frame) => gainAt(video.volume, frame)}
					objectFit="fill"
					disallowFallbackToOffthreadVideo
					style={{ position: 'absolute', left: box.left, top: box.top, width: box.width, height: box.height }}
				/>
			</Freeze>
			{children}
		</AbsoluteFill>
	);
};
