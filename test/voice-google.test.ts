import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWav } from '../src/providers/voice/audio/read-wav';
import { googleVoiceFor } from '../src/providers/voice/google/google-voice-name';
import { createGoogleVoice, type GoogleVoiceOptions } from '../src/providers/voice/google/google-voice';
import { buildSsmlParts, MAX_SSML_BYTES } from '../src/providers/voice/google/ssml-parts';
import { segmentWords } from '../src/timeline/words';
import { startFakeServer, type FakeServer, type RecordedRequest } from './helpers/fake-server';
import { expectScriptWords, probeAudio, rejectionOf, toneWav } from './helpers/voice-audio';

const API_KEY = 'AIzaTestKey0123456789abcdefghij';
const SYNTHESIZE = 'POST /v1beta1/text:synthesize';
const FAST = { baseDelayMs: 1, maxDelayMs: 5 };
/** The fake speaks every word in 100 ms after 50 ms of lead-in, and ends 50 ms after the last one. */
const WORD_MS = 100;
const LEAD_MS = 50;

type SynthesizeBody = {
	input: { ssml: string };
	voice: { languageCode: string; name?: string };
	audioConfig: Record<string, unknown>;
	enableTimePointing: unknown[];
};

const marksOf = (ssml: string) => [...ssml.matchAll(/<mark name="([^"]+)"\/>/g)].map((m) => m[1]!);

/** A Google-shaped answer: LINEAR16 WAV with a header, and a timepoint for every mark (minus `drop`). */
const speak = (request: RecordedRequest, drop: readonly string[] = []) => {
	const marks = marksOf((request.json as SynthesizeBody).input.ssml);
	const words = marks.filter((m) => m !== 'end');
	const timepoints = marks
		.filter((m) => !drop.includes(m))
		.map((markName) => ({ markName, timeSeconds: (LEAD_MS + (markName === 'end' ? words.length : words.indexOf(markName)) * WORD_MS) / 1000 }));
	return { body: { audioContent: Buffer.from(toneWav(words.length * WORD_MS + 2 * LEAD_MS)).toString('base64'), timepoints } };
};

let server: FakeServer;
let dropped: string[];
const calls = () => server.requests.filter((r) => r.path === '/v1beta1/text:synthesize');
const bodies = () => calls().map((r) => r.json as SynthesizeBody);
const voice = (options: GoogleVoiceOptions = {}) =>
	createGoogleVoice({
		apiKey: API_KEY,
		clientOptions: { apiEndpoint: '127.0.0.1', port: Number(new URL(server.url).port), protocol: 'http' },
		retry: FAST,
		...options,
	});

beforeEach(async () => {
	dropped = [];
	server = await startFakeServer({ [SYNTHESIZE]: (request) => speak(request, dropped) });
});
afterEach(async () => {
	await server.close();
});

describe('createGoogleVoice', () => {
	it('sends SSML with a mark before every word and times the words from the timepoints', async () => {
		const provider = voice();
		try {
			const request = { text: 'R&D costs fell <5%, said "Tom".', language: 'en-US', take: 0 };
			const result = await provider.synthesize(request);
			const [body] = bodies();
			expect(calls()[0]!.headers['x-goog-api-key']).toBe(API_KEY);
			expect(body!.voice).toEqual({ languageCode: 'en-US', name: 'en-US-Neural2-F' });
			expect(body!.audioConfig).toEqual({ audioEncoding: 1 }); // LINEAR16, as the REST transport sends enums
			expect(body!.enableTimePointing).toEqual([1]); // SSML_MARK
			expect(body!.input.ssml).toBe(
				'<speak><mark name="w0"/>R&amp;<mark name="w1"/>D<mark name="w2"/> costs<mark name="w3"/> fell<mark name="w4"/> &lt;' +
					'<mark name="w5"/>5%,<mark name="w6"/> said<mark name="w7"/> &quot;<mark name="w8"/>Tom&quot;.<mark name="end"/></speak>',
			);
			const durationMs = 9 * WORD_MS + 2 * LEAD_MS;
			expect(result.timing).toBe('provider');
			expect((await probeAudio(result.audio, 'wav')).durationMs).toBe(durationMs);
			expectScriptWords(request, result, durationMs);
			expect(result.words.slice(0, 3)).toEqual([
				{ text: 'R&', startMs: 50, endMs: 150 },
				{ text: 'D', startMs: 150, endMs: 250 },
				{ text: ' costs', startMs: 250, endMs: 350 },
			]);
			expect(result.words.at(-1)).toEqual({ text: 'Tom".', startMs: 850, endMs: 950 });
		} finally {
			await provider.close();
		}
	});

	it('interpolates a word whose mark Google left out', async () => {
		dropped = ['w1'];
		const provider = voice();
		try {
			const request = { text: '今天我们聊聊短视频', language: 'zh-CN', take: 0 };
			const result = await provider.synthesize(request);
			expect(bodies()[0]!.voice).toEqual({ languageCode: 'cmn-CN', name: 'cmn-CN-Wavenet-A' });
			expectScriptWords(request, result, segmentWords(request.text, request.language).length * WORD_MS + 2 * LEAD_MS);
			expect(result.words[0]!.startMs).toBe(50);
			expect(result.words[1]!.startMs).toBeGreaterThan(50);
			expect(result.words[1]!.endMs).toBeLessThanOrEqual(result.words[2]!.startMs);
		} finally {
			await provider.close();
		}
	});

	it("retries a 429 and a 500, then succeeds; a request's Google voice wins", async () => {
		server.queue(SYNTHESIZE, { status: 429, headers: { 'retry-after': '0' }, body: { error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } } });
		server.queue(SYNTHESIZE, { status: 500, body: { error: { code: 500, message: 'Internal error', status: 'INTERNAL' } } });
		const provider = voice({ voiceName: 'cmn-CN-Wavenet-B' });
		try {
			expect(provider.model).toBe('texttospeech-v1beta1/cmn-CN-Wavenet-B');
			const result = await provider.synthesize({ text: 'Hello there', language: 'en', voice: 'en-GB-Neural2-B', take: 0 });
			expect(calls()).toHaveLength(3);
			expect(bodies()[2]!.voice).toEqual({ languageCode: 'en-GB', name: 'en-GB-Neural2-B' });
			expect(result.words.map((w) => w.startMs)).toEqual([50, 150]);
		} finally {
			await provider.close();
		}
	});

	it('retries a request that times out', async () => {
		server.queue(SYNTHESIZE, { hang: true });
		const provider = voice({ timeoutMs: 400 });
		try {
			const result = await provider.synthesize({ text: 'Hello', language: 'en', take: 0 });
			expect(calls()).toHaveLength(2);
			expect(result.words).toEqual([{ text: 'Hello', startMs: 50, endMs: 150 }]);
		} finally {
			await provider.close();
		}
	});

	it('splits text over the 5,000-byte limit at sentence ends and joins the audio and timings', async () => {
		const sentence = '人工智能正在改变每一个行业，短视频创作者也不例外。';
		const text = Array.from({ length: 60 }, (_, i) => `第${i + 1}段：${sentence}`).join('');
		const request = { text, language: 'zh-CN', take: 0 };
		const tokens = segmentWords(text, request.language);
		expect(Buffer.byteLength(buildSsmlParts(tokens.map((t) => t.text)).map((p) => p.ssml).join(''))).toBeGreaterThan(2 * MAX_SSML_BYTES);
		const provider = voice();
		try {
			const result = await provider.synthesize(request);
			const ssmls = bodies().map((b) => b.input.ssml);
			expect(ssmls.length).toBeGreaterThanOrEqual(3);
			for (const ssml of ssmls) {
				expect(Buffer.byteLength(ssml, 'utf8')).toBeLessThan(MAX_SSML_BYTES);
				expect(ssml).toMatch(/。<mark name="end"\/><\/speak>$/);
			}
			expect(ssmls.flatMap(marksOf).filter((m) => m !== 'end')).toEqual(tokens.map((_, k) => `w${k}`));

			const partMs = ssmls.map((ssml) => (marksOf(ssml).length - 1) * WORD_MS + 2 * LEAD_MS);
			const totalMs = partMs.reduce((sum, ms) => sum + ms, 0);
			expect((await probeAudio(result.audio, 'wav')).durationMs).toBe(totalMs);
			expect(readWav(result.audio).sampleRate).toBe(24_000);
			expectScriptWords(request, result, totalMs);
			const secondPartFirst = marksOf(ssmls[0]!).length - 1;
			expect(result.words[secondPartFirst]!.startMs).toBe(partMs[0]! + LEAD_MS);
			expect(result.words[secondPartFirst - 1]!.endMs).toBe(partMs[0]! - LEAD_MS);
			expect(result.words.at(-1)!.endMs).toBe(totalMs - LEAD_MS);
		} finally {
			await provider.close();
		}
	});

	it('gives up on a 403 at once with a clean error that holds no credentials', async () => {
		server.queue(SYNTHESIZE, { status: 403, body: { error: { code: 403, message: 'API key not valid for this API.', status: 'PERMISSION_DENIED' } } });
		const provider = voice();
		try {
			const error = await rejectionOf(provider.synthesize({ text: 'Hello', language: 'en', take: 0 }));
			expect(error.message).toBe('Google TTS: HTTP 403 API key not valid for this API.');
			expect(JSON.stringify(Object.entries(error))).not.toContain(API_KEY);
			expect(error).not.toHaveProperty('config');
			expect(calls()).toHaveLength(1);
		} finally {
			await provider.close();
		}
	});

	it('chooses voices that honour marks, and ignores voice names meant for other providers', () => {
		expect(googleVoiceFor('zh-TW')).toEqual({ languageCode: 'cmn-TW', name: 'cmn-TW-Wavenet-A' });
		expect(googleVoiceFor('yue')).toEqual({ languageCode: 'yue-HK', name: 'yue-HK-Standard-A' });
		expect(googleVoiceFor('en-GB', 'zh-CN-XiaoxiaoNeural')).toEqual({ languageCode: 'en-GB', name: 'en-GB-Neural2-A' });
		expect(googleVoiceFor('en', 'alloy', 'en-US-Wavenet-D')).toEqual({ languageCode: 'en-US', name: 'en-US-Wavenet-D' });
		expect(googleVoiceFor('fr-FR')).toEqual({ languageCode: 'fr-FR' });
	});
});
