import type { TransitionName } from '../schema/transitions';

/** Seconds each transition lasts (a cut none; 0.5 s, a dissolve 0.8 s: long enough to read as a transition, short enough not to hold up the voice). */
export const TRANSITION_SECONDS: Readonly<Record<TransitionName, number>> = {
	fade_in: 0.5,
	fade: 0.5,
	slide_left: 0.5,
	slide_right: 0.5,
	dissolve: 0.8,
	wipe_right: 0.5,
	zoom_in: 0.5,
	cut: 0,
};

/**
 * Frames of the transition into a scene. It never takes more than half of either neighbour,
 * so TransitionSeries always has room and each scene keeps a still middle.
 */
export const transitionFrames = (name: TransitionName, fps: number, previousSceneFrames: number | null, sceneFrames: number): number => {
	const wanted = Math.round(TRANSITION_SECONDS[name] * fps);
	const room = Math.floor(Math.min(previousSceneFrames ?? sceneFrames, sceneFrames) / 2);
	return Math.max(0, Math.min(wanted, room));
};
