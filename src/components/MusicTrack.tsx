import React from 'react';
import { Audio } from '@remotion/media';
import type { MusicProps } from '../schema/video-props';
import { gainAt } from '../timeline/music-ducking';
import { assetUrl } from './asset-src';

/** The bed loops for the whole video; `extend` hands the volume curve video frames, not frames of the current loop. */
export const MusicTrack: React.FC<{ readonly music: MusicProps }> = ({ music }) => (
	<Audio
		name="Music"
		src={assetUrl(music.src)}
		disallowFallbackToHtml5Audio
		loop
		loopVolumeCurveBehavior="extend"
		volume={(frame) => gainAt(music.volume, frame)}
	/>
);
