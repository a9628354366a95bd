import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { probeMedia, type MediaFacts } from '../../src/pipeline/media/probe-media';
import { encodeWav } from '../../src/providers/voice/espeak/wav';
import type { VoiceRequest, VoiceResult } from '../../src/providers/voice/voice-provider';
import { segmentWords } from '../../src/timeline/words';

/** A real WAV of a quiet tone (220 Hz unless told), `durationMs` long. */
export const toneWav = (durationMs: number, sampleRate = 24_000, hz = 220): Uint8Array => {
	const samples = new Int16Array(Math.round((durationMs * sampleRate) / 1000));
	for (let i = 0; i < samples.length; i++) samples[i] = Math.round(6000 * Math.sin((2 * Math.PI * hz * i) / sampleRate));
	return encodeWav(samples, sampleRate);
};

/** Silent MPEG-2 Layer III frames as Edge sends them (24 kHz, 48 kbit/s, mono): 144 bytes, 24 ms each. */
export const silentMp3 = (frames: number): Uint8Array => {
	const bytes = new Uint8Array(frames * 144);
	for (let f = 0; f < frames; f++) bytes.set([0xff, 0xf3, 0x64, 0xc4], f * 144);
	return bytes;
};

/** Writes audio to a temporary file and reads it back with mediabunny, as the pipeline does. */
export const probeAudio = async (audio: Uint8Array, extension: string): Promise<MediaFacts> => {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'voice-audio-'));
	try {
		const file = path.join(dir, `audio.${extension}`);
		await writeFile(file, audio);
		return await probeMedia(file);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
};

/** The VoiceResult contract: exactly the script's tokens, monotonic, inside the audio. */
export const expectScriptWords = (request: Pick<VoiceRequest, 'text' | 'language'>, result: VoiceResult, durationMs: number) => {
	expect(result.words.map((w) => w.text)).toEqual(segmentWords(request.text, request.language).map((t) => t.text));
	let previousEnd = 0;
	for (const word of result.words) {
		expect(word.startMs).toBeGreaterThanOrEqual(previousEnd);
		expect(word.endMs).toBeGreaterThanOrEqual(word.startMs);
		previousEnd = word.endMs;
	}
	expect(previousEnd).toBeLessThanOrEqual(durationMs);
};

/** The word of `result` whose text is `text`. */
export const wordOf = (result: VoiceResult, text: string) => {
	const word = result.words.find((w) => w.text === text);
	if (!word) throw new Error(`no word ${JSON.stringify(text)} in ${result.words.map((w) => w.text).join('|')}`);
	return word;
};

/** The error a promise rejects with (fails the test when it resolves). */
export const rejectionOf = async (promise: Promise<unknown>): Promise<Error> => {
	const outcome = await promise.then(
		() => null,
		(error: unknown) => error,
	);
	if (!(outcome instanceof Error)) throw new Error(`expected a rejection with an Error, got ${String(outcome)}`);
	return outcome;
};
