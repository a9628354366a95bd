import type { TransitionName } from '../schema/transitions';
import { snapCutsToBeats, type BeatGrid, type OverlapInto } from '../timeline/beat-snap';
import { transitionFrames } from '../timeline/transition-timing';

/** A music bed already in the render's public folder; ducked under the narration. */
export type MusicOption = {
	readonly src: string;
	readonly durationMs: number;
	/** The bed's tempo when known (our beds' table, or the beat tracker): scene cuts then snap to its beats. */
	readonly bpm?: number;
	/** Where the file's first beat is; 0 when absent. */
	readonly beatOffsetMs?: number;
};

/** The bed's beats, looping with the file from frame 0; null when its tempo is not known. */
export const beatGridOf = (music: Omit<MusicOption, 'src'> | undefined | null): BeatGrid | null =>
	music?.bpm && music.bpm > 0 ? { bpm: music.bpm, offsetSeconds: (music.beatOffsetMs ?? 0) / 1000, loopSeconds: music.durationMs / 1000 } : null;

/** The transitions between scenes as build-props.ts times them: each one takes its length from its neighbours. */
export const transitionOverlaps =
	(transitions: readonly TransitionName[], fps: number): OverlapInto =>
	(index, lengths) =>
		index === 0 ? 0 : transitionFrames(transitions[index]!, fps, lengths[index - 1]!, lengths[index]!);

/** Scene lengths with their cuts snapped to the bed's beats (beat-snap.ts); unchanged when there is no known tempo. */
export const snapToMusic = (
	frames: readonly number[],
	scenes: ReadonlyArray<{ readonly transition: TransitionName }>,
	fps: number,
	music: MusicOption | undefined,
): number[] => {
	const grid = beatGridOf(music);
	if (!grid) return [...frames];
	const overlaps = transitionOverlaps(
		scenes.map((scene) => scene.transition),
		fps,
	);
	return snapCutsToBeats(frames, overlaps, fps, grid).lengths;
};
