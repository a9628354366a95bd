/**
 * Scene cuts on the music's beat. A cut (where the next scene starts) that falls just before a beat moves onto
 * it by lengthening the scenes before it: the frames go after their narration, so no narration is shifted or cut,
 * and a scene never gets shorter. Each later cut moves by what the scenes before it gained.
 */

/**
 * The most frames a scene gains to put cuts on the beat: 4 frames (0.13 s at 30 fps) is well under a beat at any
 * tempo we use (0.5 s at 120 BPM) and under the 0.3 s of air pacing leaves after a voice, so no scene gains a pause
 * a viewer would notice; a beat further away is left alone.
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
		for (let k = 0; grid.offsetSeconds + k * period < grid.loopSeconds - 1e-9; k++) {
			const at = loop * grid.loopSeconds + grid.offsetSeconds + k * period;
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
 * The cut-by-cut way: each scene lengthened only to put the cut right after it on a beat. Used when lengthening
 * scenes changes the transitions' lengths (very short scenes), where the search below cannot predict the cuts; a
 * padding that would move an earlier cut is not taken.
 */
const snapGreedily = (lengths: readonly number[], overlapInto: OverlapInto, beats: ReadonlySet<number>): number[] => {
	const padded = [...lengths];
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
	return padded;
};

/**
 * The paddings (0…MAX_SNAP_FRAMES per scene but the last) that put the most cuts on a beat, and of those the
 * fewest frames added. Padding a scene moves every later cut too, so a scene may gain a frame or two for a cut
 * further on. Dynamic programming over the frames added so far, with the transitions' lengths as they are.
 */
const snapBest = (lengths: readonly number[], overlapInto: OverlapInto, beats: ReadonlySet<number>): number[] => {
	const starts = startFrames(lengths, overlapInto);
	// best[added] after each scene: the most cuts on a beat so far, and the paddings that got there
	let best = new Map<number, { onBeat: number; pads: number[] }>([[0, { onBeat: 0, pads: [] }]]);
	for (let index = 0; index + 1 < lengths.length; index++) {
		const next = new Map<number, { onBeat: number; pads: number[] }>();
		for (const [added, state] of best) {
			for (let pad = 0; pad <= MAX_SNAP_FRAMES; pad++) {
				const total = added + pad;
				const onBeat = state.onBeat + (beats.has(starts[index + 1]! + total) ? 1 : 0);
				const known = next.get(total);
				if (!known || onBeat > known.onBeat) next.set(total, { onBeat, pads: [...state.pads, pad] });
			}
		}
		best = next;
	}
	let chosen = { added: 0, onBeat: -1, pads: [] as number[] };
	for (const [added, state] of best) {
		if (state.onBeat > chosen.onBeat || (state.onBeat === chosen.onBeat && added < chosen.added)) chosen = { added, ...state };
	}
	return lengths.map((n, i) => n + (chosen.pads[i] ?? 0));
};

/**
 * Lengthens scenes by at most MAX_SNAP_FRAMES each so that as many cuts as can be land on a beat (snapBest);
 * where the transitions change with the lengths (very short scenes) and that does worse, cut by cut instead.
 */
export const snapCutsToBeats = (lengths: readonly number[], overlapInto: OverlapInto, fps: number, grid: BeatGrid): BeatSnap => {
	const total = lengths.reduce((sum, n) => sum + n, 0) + MAX_SNAP_FRAMES * lengths.length;
	const beats = beatFrames(grid, fps, total);
	const cuts = Math.max(0, lengths.length - 1);
	const best = snapBest(lengths, overlapInto, beats);
	// the search assumed the transitions keep their lengths: where one grew, a cut before it moved earlier
	const overlapsKept = lengths.every((_, i) => overlapInto(i, best) === overlapInto(i, lengths));
	const candidates = [overlapsKept ? best : [...lengths], snapGreedily(lengths, overlapInto, beats)].map((padded) => ({
		lengths: padded,
		cutsOnBeat: countOnBeat(padded, overlapInto, beats),
		added: padded.reduce((sum, n, i) => sum + n - lengths[i]!, 0),
	}));
	const [a, b] = candidates as [(typeof candidates)[0], (typeof candidates)[0]];
	const chosen = b.cutsOnBeat > a.cutsOnBeat || (b.cutsOnBeat === a.cutsOnBeat && b.added < a.added) ? b : a;
	return { lengths: chosen.lengths, cutsOnBeat: chosen.cutsOnBeat, cuts };
};

/** Cuts of a finished timeline that fall on a beat: for the report. */
export const cutsOnBeat = (lengths: readonly number[], overlapInto: OverlapInto, fps: number, grid: BeatGrid): number => {
	const total = lengths.reduce((sum, n) => sum + n, 0);
	return countOnBeat(lengths, overlapInto, beatFrames(grid, fps, total));
};
