/**
 * cinematic: a wide A-minor-to-C-major score at 72 BPM (Am–F–C–G, a chord a bar): a piano ostinato in eighth
 * notes, strings that breathe with each bar, a high octave line, low drums on the beat and a deep hit on one.
 */
import type { BedTempo } from './bed-tempo';
import { LoopBuffer, RATE, ambience, dropVoice, lowPass, mix, noiseVoice, onePoleLow, seededNoise, saturate, stringVoice, struckVoice } from './synth';

const CHORDS: ReadonlyArray<{ root: number; tones: readonly number[] }> = [
	{ root: 45, tones: [57, 60, 64] },
	{ root: 41, tones: [57, 60, 65] },
	{ root: 36, tones: [55, 60, 64] },
	{ root: 43, tones: [55, 59, 62] },
];
/** The piano's eighths: indexes into the chord (3 is the root an octave up). */
const OSTINATO = [0, 1, 2, 3, 2, 1, 2, 1];
/** The high line, one note a bar (an octave above the chord): a slow melody over the ostinato. */
const MELODY = [76, 77, 79, 74, 76, 72, 79, 79, 81, 77, 76, 74];

export const cinematicBed = ({ bpm, bars }: BedTempo): Float64Array => {
	const BEAT = 60 / bpm;
	const BAR = 4 * BEAT;
	const seconds = bars * BAR;
	const orchestra = new LoopBuffer(seconds);
	const drums = new LoopBuffer(seconds);
	const noise = onePoleLow(seededNoise(90, RATE), 800);
	for (let bar = 0; bar < bars; bar++) {
		const chord = CHORDS[bar % CHORDS.length]!;
		const at = bar * BAR;
		const tones = [...chord.tones, chord.tones[0]! + 12];
		OSTINATO.forEach((index, eighth) => {
			const accent = eighth % 2 === 0 ? 1 : 0.75;
			orchestra.add(at + (eighth * BEAT) / 2, 2.5, struckVoice(tones[index]!, 0.1 * accent, 0.5, [1, 0.4, 0.2, 0.08]));
		});
		for (const tone of chord.tones) orchestra.add(at, BAR + 1.5, stringVoice(tone, BAR - 0.3, 0.05, 1.2, 1.4, 2000));
		orchestra.add(at, BAR + 1.5, stringVoice(chord.root, BAR - 0.3, 0.08, 0.6, 1.4, 1200));
		orchestra.add(at, BAR + 1.5, stringVoice(MELODY[bar % MELODY.length]!, BAR - 0.5, 0.035, 0.9, 1.2, 3000));
		for (let beat = 0; beat < 4; beat++) {
			const weight = beat === 0 ? 1 : beat === 2 ? 0.6 : 0.4;
			drums.add(at + beat * BEAT, 1, dropVoice(90, 50, 0.06, 0.3, 0.5 * weight));
			drums.add(at + beat * BEAT, 0.4, noiseVoice(noise, 0.05, 0.18 * weight));
		}
		drums.add(at, 3, dropVoice(60, 32, 0.2, 1.1, 0.28));
	}
	const hall = ambience(mix([orchestra.samples, 1], [drums.samples, 0.9]), 0.65, 0.55, 1.6);
	return saturate(lowPass(hall, 5000), 2);
};
