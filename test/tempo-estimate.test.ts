import { describe, expect, it } from 'vitest';
import { estimateTempo, MIN_BPM, MAX_BPM } from '../src/pipeline/audio/tempo-estimate';
import { seededNoise } from '../scripts/music-beds/synth';

const RATE = 11_025;

/** A click track: a 20 ms, 1 kHz tick on every beat, optionally every fourth one louder. */
const clicks = (bpm: number, offsetSeconds: number, seconds: number, accent = false): Float32Array => {
	const out = new Float32Array(RATE * seconds);
	let beat = 0;
	for (let t = offsetSeconds; t < seconds; t += 60 / bpm, beat++) {
		const start = Math.round(t * RATE);
		const gain = accent && beat % 4 !== 0 ? 0.5 : 0.9;
		for (let i = 0; i < 220 && start + i < out.length; i++) out[start + i]! += gain * Math.exp(-i / 50) * Math.sin((2 * Math.PI * 1000 * i) / RATE);
	}
	return out;
};

/** Distance between two beat phases, allowing for wrapping round the period. */
const phaseError = (a: number, b: number, period: number) => {
	const d = Math.abs(a - b) % period;
	return Math.min(d, period - d);
};

describe('estimateTempo', () => {
	for (const [bpm, offset] of [
		[60, 0.1],
		[72, 0.25],
		[90, 0],
		[100, 0.3],
		[128, 0.2],
		[127.3, 0.05],
		[150, 0.1],
	] as const) {
		it(`finds a ${bpm} BPM click track within 1 BPM and its first beat within 20 ms`, () => {
			const tempo = estimateTempo(clicks(bpm, offset, 30, bpm === 128), RATE);
			expect(tempo).not.toBeNull();
			expect(Math.abs(tempo!.bpm - bpm)).toBeLessThanOrEqual(1);
			expect(phaseError(tempo!.offsetSeconds, offset, 60 / bpm)).toBeLessThan(0.02);
		});
	}

	it('keeps a long recording on the beat: no drift over three minutes', () => {
		const tempo = estimateTempo(clicks(128, 0.2, 90), RATE)!;
		expect(Math.abs(tempo.bpm - 128)).toBeLessThanOrEqual(0.05);
		// after 180 s the grid is still within 30 ms of the clicks
		const beats = Math.round((180 - tempo.offsetSeconds) / (60 / tempo.bpm));
		expect(phaseError(tempo.offsetSeconds + (beats * 60) / tempo.bpm, 0.2, 60 / 128)).toBeLessThan(0.03);
	});

	it('says "no tempo" for noise, a steady tone, silence and anything too short', () => {
		const noise = Float32Array.from(seededNoise(7, RATE * 20), (x) => 0.5 * x);
		const tone = Float32Array.from({ length: RATE * 20 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 220 * i) / RATE));
		expect(estimateTempo(noise, RATE)).toBeNull();
		expect(estimateTempo(tone, RATE)).toBeNull();
		expect(estimateTempo(new Float32Array(RATE * 20), RATE)).toBeNull();
		expect(estimateTempo(clicks(120, 0, 3), RATE)).toBeNull();
	});

	it('is deterministic and stays in its range', () => {
		const track = clicks(100, 0.3, 20);
		expect(estimateTempo(track, RATE)).toEqual(estimateTempo(track, RATE));
		expect(MIN_BPM).toBe(60);
		expect(MAX_BPM).toBe(180);
	});
});
