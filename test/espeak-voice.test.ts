import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { createEspeakVoice } from '../src/providers/voice/espeak/espeak-voice';
import { espeakVoiceCandidates } from '../src/providers/voice/espeak/espeak-voice-name';
import { findSpeechEndMs } from '../src/providers/voice/espeak/speech-end';
import { takeVariation } from '../src/providers/voice/espeak/take-variation';
import { encodeWav } from '../src/providers/voice/espeak/wav';
import type { VoiceProvider, VoiceRequest, VoiceResult } from '../src/providers/voice/voice-provider';
import { segmentWords } from '../src/timeline/words';
import { ROOT, runScript } from './helpers/run-command';

let dir: string;
let voice: VoiceProvider;
beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'espeak-voice-'));
	voice = createEspeakVoice();
});
afterAll(async () => {
	await voice.close();
	await rm(dir, { recursive: true, force: true });
});

let files = 0;
const probeWav = async (audio: Uint8Array) => {
	const file = path.join(dir, `take-${files++}.wav`);
	await writeFile(file, audio);
	return probeMedia(file);
};

/** The VoiceResult contract: exactly the text's tokens, monotonic, inside the audio. */
const expectTimedText = async (request: VoiceRequest, result: VoiceResult) => {
	const facts = await probeWav(result.audio);
	expect(result.extension).toBe('wav');
	expect(result.timing).toBe('provider');
	expect(facts.audio).toMatchObject({ sampleRate: 22050, channels: 1 });
	expect(facts.durationMs).toBeGreaterThan(0);
	expect(result.words.map((w) => w.text)).toEqual(segmentWords(request.text, request.language).map((t) => t.text));
	let previousEnd = 0;
	for (const word of result.words) {
		expect(word.startMs).toBeGreaterThanOrEqual(previousEnd);
		expect(word.endMs).toBeGreaterThanOrEqual(word.startMs);
		previousEnd = word.endMs;
	}
	expect(previousEnd).toBeLessThanOrEqual(facts.durationMs);
	// speech fills the audio: the last word ends near its end, not at the start
	expect(previousEnd).toBeGreaterThan(facts.durationMs * 0.8);
	return facts;
};

describe('createEspeakVoice', () => {
	it('names a stable model for cache keys', () => {
		expect(voice.name).toBe('espeak');
		expect(voice.model).toBe('espeak-ng-emscripten-0.3.5');
		expect(createEspeakVoice({ rate: 160 }).model).toBe('espeak-ng-emscripten-0.3.5-r160');
	});

	it('speaks Chinese at a plausible length with every word timed', async () => {
		const request = { text: '我们今天来聊人工智能。', language: 'zh-CN', take: 0 };
		const facts = await expectTimedText(request, await voice.synthesize(request));
		expect(facts.durationMs).toBeGreaterThan(1500);
		expect(facts.durationMs).toBeLessThan(5000);
	});

	it('speaks English with every word timed', async () => {
		const request = { text: 'Offline voices keep every video reproducible, even on a plane.', language: 'en', take: 0 };
		const result = await voice.synthesize(request);
		const facts = await expectTimedText(request, result);
		expect(facts.durationMs).toBeGreaterThan(2500);
		expect(facts.durationMs).toBeLessThan(8000);
		for (const word of result.words) expect(word.endMs).toBeGreaterThan(word.startMs);
	});

	it('times English words, digits and percentages inside Chinese', async () => {
		const request = { text: '我用ChatGPT写了2024年20%的代码。', language: 'zh-CN', take: 0 };
		const result = await voice.synthesize(request);
		await expectTimedText(request, result);
		for (const word of result.words) expect(word.endMs, word.text).toBeGreaterThan(word.startMs);
		const at = (text: string) => result.words.find((w) => w.text === text)!;
		// "2024" is read as several words, so it lasts far longer than one syllable such as "年"
		expect(at('2024').endMs - at('2024').startMs).toBeGreaterThan(2 * (at('年').endMs - at('年').startMs));
	});

	it('is deterministic per take, and a new take sounds different', async () => {
		const request = { text: '同样的请求，同样的声音。', language: 'zh-CN', take: 0 };
		const first = await voice.synthesize(request);
		await voice.synthesize({ text: 'Something else in between.', language: 'en', take: 0 });
		const again = await voice.synthesize(request);
		expect(Buffer.from(again.audio).equals(Buffer.from(first.audio))).toBe(true);
		expect(again.words).toEqual(first.words);
		const take1 = await voice.synthesize({ ...request, take: 1 });
		expect(Buffer.from(take1.audio).equals(Buffer.from(first.audio))).toBe(false);
		const take1Again = await voice.synthesize({ ...request, take: 1 });
		expect(Buffer.from(take1Again.audio).equals(Buffer.from(take1.audio))).toBe(true);
	});

	it('keeps the event loop running while it synthesises', async () => {
		const text = '离线语音在后台线程里合成，进度条和其他阶段照常运行。'.repeat(16);
		const gaps: number[] = [];
		let last = performance.now();
		const timer = setInterval(() => {
			const now = performance.now();
			gaps.push(now - last);
			last = now;
		}, 5);
		const started = performance.now();
		try {
			await voice.synthesize({ text, language: 'zh-CN', take: 0 });
		} finally {
			clearInterval(timer);
		}
		const wallMs = performance.now() - started;
		// blocking the main thread would leave one gap as long as the whole synthesis
		expect(wallMs).toBeGreaterThan(200);
		expect(gaps.length).toBeGreaterThan(wallMs / 50);
		expect(Math.max(...gaps)).toBeLessThan(wallMs / 3);
	});

	it('rejects a voice eSpeak lacks with a clear error while other requests go on', async () => {
		const good = { text: '你好。', language: 'zh-CN', take: 0 };
		const [before, bad, after] = await Promise.allSettled([
			voice.synthesize(good),
			voice.synthesize({ ...good, voice: 'no-such-voice' }),
			voice.synthesize({ text: 'Hello.', language: 'en', take: 0 }),
		]);
		expect(before.status).toBe('fulfilled');
		expect(after.status).toBe('fulfilled');
		expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'eSpeak failed on "你好。": no voice "no-such-voice"' } });
	});

	it('rejects requests in flight when closed, and later ones too', async () => {
		const own = createEspeakVoice();
		const inFlight = expect(own.synthesize({ text: '关闭时还在合成的请求。', language: 'zh-CN', take: 0 })).rejects.toThrow(/closed/);
		await own.close();
		await inFlight;
		await expect(own.synthesize({ text: '你好', language: 'zh-CN', take: 0 })).rejects.toThrow(/closed/);
	});

	it('works from a tsx script and lets it exit', async () => {
		const script = path.join(dir, 'speak.mts');
		const provider = path.join(ROOT, 'src/providers/voice/espeak/espeak-voice.ts');
		await writeFile(
			script,
			`import { createEspeakVoice } from ${JSON.stringify(provider)};
const voice = createEspeakVoice();
const result = await voice.synthesize({ text: 'Hello from tsx.', language: 'en', take: 0 });
console.log(JSON.stringify(result.words.map((w) => w.text)));
await voice.close();
`,
		);
		const { code, stdout, stderr } = await runScript(path.relative(ROOT, script), []);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(JSON.parse(stdout)).toEqual(['Hello', ' from', ' tsx.']);
	});
});

describe('espeakVoiceCandidates', () => {
	it('picks Mandarin and US English from BCP 47 tags', () => {
		expect(espeakVoiceCandidates('zh-CN')).toEqual(['cmn']);
		expect(espeakVoiceCandidates('zh-Hans')).toEqual(['cmn']);
		expect(espeakVoiceCandidates('zh-HK')).toEqual(['yue']);
		expect(espeakVoiceCandidates('en')).toEqual(['en-us']);
		expect(espeakVoiceCandidates('en-GB')).toEqual(['gmw/en']);
		expect(espeakVoiceCandidates('pt_BR')).toEqual(['pt-br', 'pt']);
	});
	it('uses the voice a request names', () => {
		expect(espeakVoiceCandidates('zh-CN', ' cmn-latn-pinyin ')).toEqual(['cmn-latn-pinyin']);
	});
});

describe('takeVariation', () => {
	it('leaves take 0 alone and varies every later take a little', () => {
		expect(takeVariation(0)).toEqual({ rateDelta: 0, pitchDelta: 0 });
		for (let take = 1; take <= 100; take++) {
			const { rateDelta, pitchDelta } = takeVariation(take);
			expect(Math.abs(pitchDelta)).toBeGreaterThanOrEqual(3);
			expect(Math.abs(pitchDelta)).toBeLessThanOrEqual(8);
			expect(Math.abs(rateDelta)).toBeLessThanOrEqual(15);
			expect(takeVariation(take)).toEqual({ rateDelta, pitchDelta });
			expect(takeVariation(take + 1)).not.toEqual({ rateDelta, pitchDelta });
		}
	});
});

describe('encodeWav', () => {
	it('writes a 16-bit mono PCM RIFF header and little-endian samples', () => {
		const bytes = encodeWav(new Int16Array([0, 1, -2, 32767]), 22050);
		const view = new DataView(bytes.buffer);
		const ascii = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
		expect([ascii(0), ascii(8), ascii(12), ascii(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
		expect(view.getUint32(4, true)).toBe(36 + 8);
		expect([view.getUint16(20, true), view.getUint16(22, true), view.getUint32(24, true), view.getUint32(28, true)]).toEqual([1, 1, 22050, 44100]);
		expect([view.getUint16(32, true), view.getUint16(34, true), view.getUint32(40, true)]).toEqual([2, 16, 8]);
		expect([0, 1, 2, 3].map((i) => view.getInt16(44 + i * 2, true))).toEqual([0, 1, -2, 32767]);
	});
	it('makes a file mediabunny reads at the right length', async () => {
		const facts = await probeWav(encodeWav(new Int16Array(22050).fill(1000), 22050));
		expect(facts.durationMs).toBe(1000);
		expect(facts.audio).toMatchObject({ sampleRate: 22050, channels: 1 });
	});
});

describe('findSpeechEndMs', () => {
	it('drops trailing silence', () => {
		const samples = new Int16Array(2000);
		samples.fill(8000, 0, 1000);
		samples.fill(30, 1000);
		expect(findSpeechEndMs(samples, 1000)).toBe(1000);
		expect(findSpeechEndMs(new Int16Array(10), 1000)).toBe(0);
	});
});
