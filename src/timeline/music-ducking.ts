/** The music bed's gain at a frame of the whole video; the bed's level between keyframes is linear. */
export type GainKeyframe = { readonly frame: number; readonly gain: number };

/** What ducking needs of a scene: where its narration starts and its word timings (ms from that start). */
export type SpokenScene = {
	readonly startFrame: number;
	readonly captions: ReadonlyArray<{ readonly startMs: number; readonly endMs: number }>;
};

export type DuckingOptions = {
	/** Bed gain in the gaps between speech. */
	readonly baseGain: number;
	/** Bed level under speech relative to the gaps. */
	readonly duckDb: number;
	readonly attackMs: number;
	readonly releaseMs: number;
	/** Pauses shorter than this stay ducked: pumping between words sounds worse than a steady bed. */
	readonly mergeGapMs: number;
	readonly fadeInMs: number;
	readonly fadeOutMs: number;
};

export const DUCKING_DEFAULTS: DuckingOptions = {
	baseGain: 0.25,
	duckDb: -18,
	attackMs: 150,
	releaseMs: 300,
	mergeGapMs: 400,
	fadeInMs: 1000,
	fadeOutMs: 2000,
};

type Span = { start: number; end: number };

/** Speech as ms spans of the whole video, sorted, with short pauses closed. */
export const speechSpans = (scenes: readonly SpokenScene[], fps: number, mergeGapMs: number): Span[] => {
	const spans = scenes
		.flatMap((scene) => {
			const offset = (scene.startFrame * 1000) / fps;
			return scene.captions.filter((c) => c.endMs > c.startMs).map((c) => ({ start: offset + c.startMs, end: offset + c.endMs }));
		})
		.sort((a, b) => a.start - b.start);
	const merged: Span[] = [];
	for (const span of spans) {
		const last = merged.at(-1);
		if (last && span.start - last.end < mergeGapMs) last.end = Math.max(last.end, span.end);
		else merged.push({ ...span });
	}
	return merged;
};

const interpolate = (points: readonly GainKeyframe[], frame: number): number => {
	const first = points[0];
	if (!first) return 1;
	if (frame <= first.frame) return first.gain;
	for (let i = 1; i < points.length; i++) {
		const b = points[i]!;
		if (frame <= b.frame) {
			const a = points[i - 1]!;
			return b.frame === a.frame ? b.gain : a.gain + ((b.gain - a.gain) * (frame - a.frame)) / (b.frame - a.frame);
		}
	}
	return points.at(-1)!.gain;
};

/** The bed's gain at any (fractional) frame; used by MusicTrack on every frame. */
export const gainAt = (keyframes: readonly GainKeyframe[], frame: number): number => interpolate(keyframes, frame);

const roundFrame = (frame: number) => Math.round(frame * 100) / 100;
const roundGain = (gain: number) => Math.round(gain * 10_000) / 10_000;

/**
 * Gain keyframes for a music bed that ducks under every word, ramps down before speech starts (attack)
 * and back up after it ends (release), and fades in at the start and out at the end of the video.
 */
export const duckingKeyframes = (scenes: readonly SpokenScene[], totalFrames: number, fps: number, overrides: Partial<DuckingOptions> = {}): GainKeyframe[] => {
	const o = { ...DUCKING_DEFAULTS, ...overrides };
	const toFrame = (ms: number) => (ms * fps) / 1000;
	const low = o.baseGain * 10 ** (o.duckDb / 20);
	// a gap that cannot hold both ramps would leave the bed half-raised for a moment: keep it ducked
	const spans = speechSpans(scenes, fps, Math.max(o.mergeGapMs, o.attackMs + o.releaseMs));

	const duck: GainKeyframe[] = spans.length === 0 ? [{ frame: 0, gain: o.baseGain }] : [];
	for (const span of spans) {
		duck.push(
			{ frame: toFrame(span.start - o.attackMs), gain: o.baseGain },
			{ frame: toFrame(span.start), gain: low },
			{ frame: toFrame(span.end), gain: low },
			{ frame: toFrame(span.end + o.releaseMs), gain: o.baseGain },
		);
	}

	const fadeScale = Math.min(1, totalFrames / toFrame(o.fadeInMs + o.fadeOutMs));
	const fadeIn = toFrame(o.fadeInMs) * fadeScale;
	const fadeOutStart = totalFrames - toFrame(o.fadeOutMs) * fadeScale;
	const fade = [
		{ frame: 0, gain: 0 },
		{ frame: fadeIn, gain: 1 },
		{ frame: fadeOutStart, gain: 1 },
		{ frame: totalFrames, gain: 0 },
	];

	// both curves are linear between their own points, so their product is exact at the union of them
	const frames = [
		...new Set([...duck.map((k) => k.frame), ...fade.map((k) => k.frame)].map((f) => Math.min(totalFrames, Math.max(0, f))).map(roundFrame)),
	].sort((a, b) => a - b);
	const points = frames.map((frame) => ({ frame, gain: roundGain(interpolate(duck, frame) * interpolate(fade, frame)) }));
	return points.filter((point, i) => {
		const before = points[i - 1];
		const after = points[i + 1];
		return !before || !after || before.gain !== point.gain || after.gain !== point.gain;
	});
};
