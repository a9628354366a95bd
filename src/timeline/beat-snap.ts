/**
 * Scene cuts on the music's beat. A cut (where the next scene starts) that falls just before a beat moves onto
 * it by lengthening the scene before it: the frames go after its narration, so no narration is shifted or cut,
 * and a scene never gets shorter.
 */

/**
 * The most frames a cut is moved to land on a beat: 4 frames (0.13 s at 30 fps) is well under a beat at any tempo
 * we use (0.47 s at 128 BPM) and under the 0.3 s of air pacing leaves after a voice, so a scene gains no pause a
 * viewer would notice; a beat further away is left alone.
 */
export const MAX_SNAP_FRAMES = 4;

/** Where the bed's beats are: beat k at offsetSeconds + k · 60 / bpm into the file, the file looping from frame 0. */
export type BeatGrid = {
	readonly bpm: number;
	/** Time of the file's first beat. */
	readonly offsetSeconds: number;
	/** Length of the file: where it starts again. A bed of whole bars keeps one grid across the loop. */
	readonly loopSeconds: number;
};

/** Frames of the transition into scene `index` given all scenes' lengths (0 for the first scene). */
export type OverlapInto = (index: number, lengths: readonly number[]) => number;

export type BeatSnap = {
	readonly lengths: number[];
	readonly cutsOnBeat: number;
	readonly cuts: number;
};

/** The frames (of the whole video, up to `untilFrame`) on which a beat falls. */
export const beatFrames = (grid: BeatGrid, fps: number, untilFrame: number): Set<number> => {
	const frames = new Set<number>();
	const period = 60 / grid.bpm;
	if (!(period > 0) || !(grid.loopSeconds > 0)) return frames;
	const until = untilFrame / fps;
	for (let loop = 0; loop * grid.loopSeconds <= until; loop++) {
		for (let t = grid.offsetSeconds; t < grid.loopSeconds - 1e-9; t += period) {
			const at = loop * grid.loopSeconds + t;
			if (at > until + 1e-9) break;
			frames.add(Math.round(at * fps));
		}
	}
	return frames;
};

/** First frame of each scene, as scene-timeline.ts places them: each start overlaps the previous scene's end. */
export const startFrames = (lengths: readonly number[], overlapInto: OverlapInto): number[] => {
	let start = 0;
	return lengths.map((length, index) => {
		start -= overlapInto(index, lengths);
		const at = start;
		start += length;
		return at;
	});
};

const countOnBeat = (lengths: readonly number[], overlapInto: OverlapInto, beats: ReadonlySet<number>): number =>
	startFrames(lengths, overlapInto)
		.slice(1)
		.filter((frame) => beats.has(frame)).length;

/**
 * Lengthens scenes by at most MAX_SNAP_FRAMES each so that the cuts after them land on a beat, one cut at a time
 * from the start. A padding that would move an earlier cut (a transition that grows with its scene) is not taken.
 */
export const snapCutsToBeats = (lengths: readonly number[], overlapInto: OverlapInto, fps: number, grid: BeatGrid): BeatSnap => {
	const padded = [...lengths];
	const total = lengths.reduce((sum, n) => sum + n, 0) + MAX_SNAP_FRAMES * lengths.length;
	const beats = beatFrames(grid, fps, total);
	for (let index = 0; index + 1 < padded.length; index++) {
		const before = startFrames(padded, overlapInto);
		for (let pad = 0; pad <= MAX_SNAP_FRAMES; pad++) {
			const trial = padded.map((n, i) => (i === index ? n + pad : n));
			const starts = startFrames(trial, overlapInto);
			const earlierKept = starts.slice(0, index + 1).every((frame, i) => frame === before[i]);
			if (earlierKept && beats.has(starts[index + 1]!)) {
				padded[index] = trial[index]!;
				break;
			}
		}
	}
	return { lengths: padded, cutsOnBeat: countOnBeat(padded, overlapInto, beats), cuts: Math.max(0, padded.length - 1) };
};

/** Cuts of a finished timeline that fall on a beat: for the report. */
export const cutsOnBeat = (lengths: readonly number[], overlapInto: OverlapInto, fps: number, grid: BeatGrid): number => {
	const total = lengths.reduce((sum, n) => sum + n, 0);
	return countOnBeat(lengths, overlapInto, beatFrames(grid, fps, total));
};
