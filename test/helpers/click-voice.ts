import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { encodeWav } from '../../src/providers/voice/espeak/wav';
import type { VoiceProvider } from '../../src/providers/voice/voice-provider';
import { segmentWords } from '../../src/timeline/words';

const run = promisify(execFile);
const RATE = 48_000;
/** Where in each voice its click starts. */
export const CLICK_AT_MS = 100;
const VOICE_MS = 1200;

/**
 * A voice that says nothing but a click: 5 ms of a 1 kHz tone starting exactly CLICK_AT_MS into silence, so the
 * delivered video shows where each voice starts, to the sample. Word timings are spread over the voice.
 */
export const clickVoice = (): VoiceProvider => ({
	name: 'click',
	model: 'click-1',
	async synthesize(request) {
		const samples = new Int16Array((VOICE_MS * RATE) / 1000);
		const start = (CLICK_AT_MS * RATE) / 1000;
		for (let i = 0; i < RATE / 200; i++) samples[start + i] = Math.round(20_000 * Math.sin((2 * Math.PI * 1000 * i) / RATE));
		const tokens = segmentWords(request.text, request.language);
		const step = VOICE_MS / tokens.length;
		const words = tokens.map((t, i) => ({ text: t.text, startMs: Math.round(i * step), endMs: Math.round((i + 1) * step) }));
		return { audio: encodeWav(samples, RATE), extension: 'wav', words, timing: 'estimated' };
	},
	async close() {},
});

/**
 * Where each click starts in a video's decoded soundtrack (edit lists applied, as a player plays it), ms: the
 * first sample above a third of the loudest after at least 300 ms below it.
 */
export const clickOnsetsMs = async (video: string): Promise<number[]> => {
	const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', video, '-map', '0:a:0', '-ac', '1', '-ar', String(RATE), '-f', 's16le', '-'], {
		encoding: 'buffer',
		maxBuffer: 1 << 28,
	});
	const samples = new Int16Array(stdout.buffer, stdout.byteOffset, stdout.length / 2);
	let peak = 0;
	for (const s of samples) peak = Math.max(peak, Math.abs(s));
	const threshold = peak / 3;
	const onsets: number[] = [];
	let last = -Infinity;
	for (let i = 0; i < samples.length; i++) {
		if (Math.abs(samples[i]!) < threshold) continue;
		if (i - last > 0.3 * RATE) onsets.push((i * 1000) / RATE);
		last = i;
	}
	return onsets;
};
