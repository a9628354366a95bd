/**
 * upbeat: bright C-major pop at 120 BPM (C–G–Am–F, a chord a bar): a soft four-on-the-floor kick, claps on two
 * and four, off-beat hats and bass, syncopated chord stabs and a pad that pumps with the kick.
 */
import type { BedTempo } from './bed-tempo';
import {
	LoopBuffer,
	RATE,
	ambience,
	dropVoice,
	hz,
	lowPass,
	mix,
	noiseVoice,
	onePoleHigh,
	onePoleLow,
	pump,
	saturate,
	saw,
	seededNoise,
	stringVoice,
	struckVoice,
	envelope,
} from './synth';

/** C, G, Am, F: root (bass octave) and a close voicing around middle C. */
const CHORDS: ReadonlyArray<{ root: number; tones: readonly number[] }> = [
	{ root: 36, tones: [60, 64, 67] },
	{ root: 43, tones: [59, 62, 67] },
	{ root: 45, tones: [60, 64, 69] },
	{ root: 41, tones: [60, 65, 69] },
];
/** Eighth notes of a bar on which the chord is struck: the 3-3-2 push of pop. */
const STABS = [0, 3, 6];
/** The lead's eighth notes: an index into the chord (two octaves up), or null for a rest. */
const HOOK: ReadonlyArray<number | null> = [2, null, 1, 2, null, 0, 1, null];

const bassVoice =
	(midi: number, gain: number, lengthS: number) =>
	(t: number): number =>
		gain * envelope(t, 0.004, lengthS - 0.06, 0.04) * saw(hz(midi), t, 900, 6);

export const upbeatBed = ({ bpm, bars }: BedTempo): Float64Array => {
	const BEAT = 60 / bpm;
	const BAR = 4 * BEAT;
	const seconds = bars * BAR;
	const drums = new LoopBuffer(seconds);
	const tonal = new LoopBuffer(seconds);
	const pad = new LoopBuffer(seconds);
	const noise = seededNoise(128, RATE);
	const clapNoise = onePoleLow(onePoleHigh(noise, 900), 5000);
	const hatNoise = onePoleHigh(noise, 7000);
	for (let bar = 0; bar < bars; bar++) {
		const chord = CHORDS[bar % CHORDS.length]!;
		const at = bar * BAR;
		for (let beat = 0; beat < 4; beat++) {
			const t = at + beat * BEAT;
			drums.add(t, 0.45, dropVoice(140, 48, 0.03, 0.16, 0.9));
			if (beat % 2 === 1) drums.add(t, 0.3, noiseVoice(clapNoise, 0.07, 0.35, 0.003));
			drums.add(t + BEAT / 2, 0.1, noiseVoice(hatNoise, 0.025, 0.22));
			tonal.add(t + BEAT / 2, BEAT / 2, bassVoice(chord.root, 0.28, BEAT / 2));
		}
		for (const eighth of STABS)
			for (const tone of chord.tones) tonal.add(at + (eighth * BEAT) / 2, 0.6, struckVoice(tone, 0.11, 0.18, [1, 0.6, 0.35, 0.2, 0.1]));
		// the hook plays in the second half of every four bars, so the loop breathes
		if (bar % 4 >= 2) {
			HOOK.forEach((index, eighth) => {
				if (index !== null) tonal.add(at + (eighth * BEAT) / 2, 0.5, struckVoice(chord.tones[index]! + 12, 0.07, 0.12, [1, 0.3, 0.1]));
			});
		}
		for (const tone of chord.tones) pad.add(at, BAR + 0.4, stringVoice(tone - 12, BAR - 0.1, 0.07, 0.05, 0.3, 3000));
	}
	const pumped = pump(pad.samples, BEAT, 0.7, 0.12);
	const body = ambience(mix([tonal.samples, 1], [pumped, 1]), 0.85, 0.2, 0.6);
	return saturate(lowPass(mix([body, 1], [drums.samples, 1]), 6000), 1.5);
};
