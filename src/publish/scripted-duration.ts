import type { VideoScript } from '../schema/video-script';
import { shortestPacedSeconds } from '../timeline/pacing';
import { TRANSITION_SECONDS } from '../timeline/transition-timing';

/**
 * The shortest the video can be, known before any voice is made: every scene at its shortest paced length, less
 * the longest overlap each transition can take, counted in whole frames rounded the safe way. The real video is
 * never shorter, so a script over a platform's limit by this measure is refused before anything is paid for.
 */
export const shortestVideoSeconds = (script: Pick<VideoScript, 'scenes' | 'fps'>): number => {
	const { fps } = script;
	const frames = script.scenes.reduce(
		(sum, scene, index) =>
			sum + Math.floor(shortestPacedSeconds(scene.duration) * fps) - (index === 0 ? 0 : Math.ceil(TRANSITION_SECONDS[scene.transition] * fps)),
		0,
	);
	return Math.max(0, frames) / fps;
};
