/**
 * lo-fi: a relaxed hip-hop loop at 90 BPM: Fmaj7–Em7–Dm7–Cmaj7 on an electric piano, a soft boom-bap kit with
 * swung hats, a round bass, vinyl crackle, all rolled off above 3 kHz.
 */
import type { BedTempo } from './bed-tempo';
import {
	LoopBuffer,
	RATE,
	ambience,
	dropVoice,
	electricPianoVoice,
	envelope,
	hz,
	lowPass,
	mix,
	noiseVoice,
	onePoleHigh,
	onePoleLow,
	saturate,
	seededNoise,
} from './synth';

/** Off-beat eighths land 62 % of the way through the beat: the lazy swing of the style. */
const SWING = 0.62;

const CHORDS: ReadonlyArray<{ root: number; tones: readonly number[] }> = [
	{ root: 41, tones: [57, 60, 64, 65] },
	{ root: 40, tones: [55, 59, 62, 64] },
	{ root: 38, tones: [57, 60, 62, 65] },
	{ root: 36, tones: [55, 59, 60, 64] },
];

const bassVoice =
	(midi: number, holdS: number, gain: number) =>
	(t: number): number => {
		const f = hz(midi);
		return gain * envelope(t, 0.01, holdS, 0.15) * (Math.sin(2 * Math.PI * f * t) + 0.15 * Math.sin(4 * Math.PI * f * t));
	};

export const lofiBed = ({ bpm, bars }: BedTempo): Float64Array => {
	const BEAT = 60 / bpm;
	const BAR = 4 * BEAT;
	const seconds = bars * BAR;
	const keys = new LoopBuffer(seconds);
	const kit = new LoopBuffer(seconds);
	const noise = seededNoise(80, RATE);
	const snareNoise = onePoleLow(onePoleHigh(noise, 400), 3500);
	const hatNoise = onePoleLow(onePoleHigh(noise, 5000), 9000);
	const offbeat = (beat: number) => beat * BEAT + SWING * BEAT;
	for (let bar = 0; bar < bars; bar++) {
		const chord = CHORDS[bar % CHORDS.length]!;
		const at = bar * BAR;
		// the chord on one, again softer on the swung "and" of two
		chord.tones.forEach((tone, i) => {
			keys.add(at + i * 0.012, BAR * 0.55, electricPianoVoice(tone, 0.11, BAR * 0.45));
			keys.add(at + offbeat(1) + i * 0.012, BAR * 0.6, electricPianoVoice(tone, 0.07, BAR * 0.5));
		});
		keys.add(at, BEAT * 1.4, bassVoice(chord.root, BEAT * 1.2, 0.32));
		keys.add(at + offbeat(1), BEAT * 1.2, bassVoice(chord.root, BEAT, 0.22));
		keys.add(at + 3 * BEAT, BEAT * 0.9, bassVoice(chord.root + 7, BEAT * 0.7, 0.22));
		for (const t of [0, offbeat(2)]) kit.add(at + t, 0.5, dropVoice(95, 45, 0.04, 0.22, 0.8));
		for (const beat of [1, 3]) kit.add(at + beat * BEAT, 0.4, noiseVoice(snareNoise, 0.09, 0.45, 0.002));
		for (const beat of [1, 3]) kit.add(at + beat * BEAT, 0.3, dropVoice(190, 170, 0.02, 0.07, 0.2));
		for (let beat = 0; beat < 4; beat++) {
			kit.add(at + beat * BEAT, 0.1, noiseVoice(hatNoise, 0.03, 0.14));
			kit.add(at + offbeat(beat), 0.1, noiseVoice(hatNoise, 0.025, 0.09));
		}
	}
	// vinyl: a quiet hiss and sparse crackles, placed by the seeded noise
	const hiss = onePoleLow(onePoleHigh(seededNoise(81, keys.n), 1500), 6000);
	const crackle = seededNoise(82, keys.n).map((x, i) => (Math.abs(x) > 0.9996 ? x * 0.2 : 0) + 0.012 * hiss[i]!);
	const body = ambience(keys.samples, 0.8, 0.3, 0.8);
	return saturate(lowPass(lowPass(mix([body, 1], [kit.samples, 0.9], [onePoleLow(crackle, 4000), 1]), 3200), 5000), 1.5);
};
