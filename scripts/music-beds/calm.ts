/**
 * calm (ambient-bed.m4a): a soft I–V–vi–IV pad in D major with a gentle arpeggio, a chord every two bars of
 * 120 BPM, the arpeggio on the beat and its accent on each bar's first beat.
 */
import type { BedTempo } from './bed-tempo';
import { LoopBuffer, ambience, hz, lowPass, raisedCosine, type Voice } from './synth';

/** D, A, Bm, G: close voicings that share tones, so the pad glides rather than jumps. */
const CHORDS: ReadonlyArray<{ bass: number; pad: readonly number[] }> = [
	{ bass: 50, pad: [62, 66, 69] },
	{ bass: 45, pad: [61, 64, 69] },
	{ bass: 47, pad: [62, 66, 71] },
	{ bass: 43, pad: [62, 67, 71] },
];
const ARP_PATTERNS = [
	[0, 1, 2, 3, 2, 1, 2, 1],
	[0, 2, 1, 3, 1, 2, 0, 2],
];

const padVoice = (midi: number, holdS: number, gain: number): Voice => {
	const f = hz(midi);
	const attack = 1.2;
	const release = 1.8;
	return (t) => {
		const env = raisedCosine(t / attack) * (1 - raisedCosine((t - holdS) / release));
		// three slightly detuned partial stacks: a slow chorus instead of a static sine
		let sum = 0;
		for (const cents of [-6, 0, 5]) {
			const fd = f * 2 ** (cents / 1200);
			sum += Math.sin(2 * Math.PI * fd * t) + 0.3 * Math.sin(4 * Math.PI * fd * t) + 0.1 * Math.sin(6 * Math.PI * fd * t);
		}
		return (gain * env * sum) / 3;
	};
};

const pluckVoice = (midi: number, gain: number): Voice => {
	const f = hz(midi);
	return (t) => {
		const env = raisedCosine(t / 0.012) * Math.exp(-t / 0.55) * (1 - raisedCosine((t - 2.2) / 0.3));
		return gain * env * (Math.sin(2 * Math.PI * f * t) + 0.2 * Math.sin(4 * Math.PI * f * t));
	};
};

export const calmBed = ({ bpm, bars }: BedTempo): Float64Array => {
	// a chord every two bars: 4 s at 120 BPM
	const CHORD_SECONDS = (2 * 4 * 60) / bpm;
	const seconds = bars * (CHORD_SECONDS / 2);
	const loop = new LoopBuffer(seconds);
	const chords = seconds / CHORD_SECONDS;
	for (let bar = 0; bar < chords; bar++) {
		const chord = CHORDS[bar % CHORDS.length]!;
		const at = bar * CHORD_SECONDS;
		for (const note of chord.pad) loop.add(at, CHORD_SECONDS + 1.8, padVoice(note, CHORD_SECONDS - 0.4, 0.16));
		loop.add(at, CHORD_SECONDS + 1.8, padVoice(chord.bass, CHORD_SECONDS - 0.4, 0.22));
		const tones = [...chord.pad.map((n) => n + 12), chord.pad[0]! + 24];
		const pattern = ARP_PATTERNS[Math.floor(bar / CHORDS.length) % ARP_PATTERNS.length]!;
		pattern.forEach((index, step) => {
			const accent = step % 4 === 0 ? 1 : 0.7;
			loop.add(at + step * (CHORD_SECONDS / pattern.length), 2.5, pluckVoice(tones[index]!, 0.09 * accent));
		});
	}
	return lowPass(lowPass(ambience(loop.samples), 2400), 2400);
};
