import { duckingKeyframes, type GainKeyframe } from './music-ducking';

/**
 * A clip's own sound sits a little under full level between words and ducks under them as the music does.
 * The fades are short because a scene starts and ends on a cut or a transition, not the video's edges.
 */
const CLIP_DUCKING = { baseGain: 0.6, fadeInMs: 150, fadeOutMs: 150 } as const;

/** Gain keyframes over a scene's own frames for its clip's sound, from its narration's word timings. */
export const clipVolume = (captions: ReadonlyArray<{ readonly startMs: number; readonly endMs: number }>, sceneFrames: number, fps: number): GainKeyframe[] =>
	duckingKeyframes([{ startFrame: 0, captions }], sceneFrames, fps, CLIP_DUCKING);
