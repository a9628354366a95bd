/**
 * dramatic: D minor at 96 BPM (Dm–B♭–Gm–A, a chord a bar): low strings driving sixteenth notes, a sustained string
 * chord that swells through each bar, taiko-like drums on the beat and a deep hit on every bar's first beat.
 */
import type { BedTempo } from './bed-tempo';
import { LoopBuffer, RATE, ambience, dropVoice, lowPass, mix, noiseVoice, onePoleLow, seededNoise, saturate, stringVoice, struckVoice } from './synth';

const CHORDS: ReadonlyArray<{ root: number; tones: readonly number[] }> = [
	{ root: 38, tones: [62, 65, 69] },
	{ root: 34, tones: [62, 65, 70] },
	{ root: 43, tones: [62, 67, 70] },
	{ root: 45, tones: [61, 64, 69] },
];
/** The ostinato's sixteenths: 0 the root, 1 its octave, 2 the fifth above. */
const OSTINATO = [0, 0, 1, 0, 0, 2, 0, 1, 0, 0, 1, 0, 2, 0, 1, 0];
/** Drum hits in sixteenths of the bar, with their weight: 1, the "and" of 2, 3, 4. */
const DRUMS: ReadonlyArray<readonly [sixteenth: number, weight: number]> = [
	[0, 1],
	[6, 0.55],
	[8, 0.8],
	[12, 0.6],
	[14, 0.4],
];

export const dramaticBed = ({ bpm, bars }: BedTempo): Float64Array => {
	const BEAT = 60 / bpm;
	const BAR = 4 * BEAT;
	const seconds = bars * BAR;
	const strings = new LoopBuffer(seconds);
	const drums = new LoopBuffer(seconds);
	const noise = onePoleLow(seededNoise(96, RATE), 1200);
	const sixteenth = BEAT / 4;
	for (let bar = 0; bar < bars; bar++) {
		const chord = CHORDS[bar % CHORDS.length]!;
		const at = bar * BAR;
		const fifth = chord.root + 7;
		OSTINATO.forEach((step, i) => {
			const note = [chord.root + 12, chord.root + 24, fifth + 12][step]!;
			const accent = i % 4 === 0 ? 1 : 0.65;
			strings.add(at + i * sixteenth, 0.5, struckVoice(note, 0.13 * accent, 0.09, [1, 0.7, 0.5, 0.35, 0.25, 0.15]));
		});
		for (const tone of chord.tones) strings.add(at, BAR + 1.5, stringVoice(tone, BAR - 0.2, 0.06, BAR * 0.7, 1.2, 2200));
		strings.add(at, BAR + 1.5, stringVoice(chord.root, BAR - 0.2, 0.09, 0.3, 1.2, 1500));
		for (const [sixteenthAt, weight] of DRUMS) {
			const t = at + sixteenthAt * sixteenth;
			drums.add(t, 0.9, dropVoice(110, 55, 0.05, 0.28, 0.7 * weight));
			drums.add(t, 0.4, noiseVoice(noise, 0.06, 0.25 * weight));
		}
		drums.add(at, 2.5, dropVoice(70, 34, 0.15, 0.8, 0.3));
	}
	const room = ambience(mix([strings.samples, 1], [drums.samples, 0.8]), 0.7, 0.45, 1.3);
	return saturate(lowPass(room, 4500), 2);
};
