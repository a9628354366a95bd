import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWav } from '../src/providers/voice/audio/read-wav';
import { googleLocaleFor, googleVoiceFor, isPlainTextVoice } from '../src/providers/voice/google/google-voice-name';
import { createGoogleVoice, type GoogleVoiceOptions } from '../src/providers/voice/google/google-voice';
import { buildSsmlParts, buildTextParts, MAX_SSML_BYTES } from '../src/providers/voice/google/ssml-parts';
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
	input: { ssml: string; text?: undefined } | { text: string; ssml?: undefined };
	voice: { languageCode: string; name?: string };
	audioConfig: Record<string, unknown>;
	enableTimePointing?: unknown[];
};

/** Google's 400 for SSML or timepoints sent to a voice that takes neither (its error body, as the REST API sends it). */
const INVALID_ARGUMENT = (message: string) => ({ status: 400, body: { error: { code: 400, message, status: 'INVALID_ARGUMENT' } } });

const marksOf = (ssml: string) => [...ssml.matchAll(/<mark name="([^"]+)"\/>/g)].map((m) => m[1]!);

/** A Google-shaped answer: LINEAR16 WAV with a header, and a timepoint for every mark (minus `drop`). */
const speak = (request: RecordedRequest, drop: readonly string[] = []) => {
	const body = request.json as SynthesizeBody;
	// Chirp 3 HD, Chirp HD and Journey voices take plain text only: no SSML, so no marks or timepoints
	// (cloud.google.com/text-to-speech/docs/chirp3-hd; cloud.google.com/text-to-speech/docs/ssml). The real API
	// answers 400 INVALID_ARGUMENT.
	if (isPlainTextVoice(body.voice.name)) {
		if (body.input.ssml !== undefined) return INVALID_ARGUMENT('This voice does not support SSML input. Please try again with text only.');
		if ((body.enableTimePointing ?? []).length > 0) return INVALID_ARGUMENT('This voice does not support timepointing.');
	}
	if (body.input.text !== undefined) {
		// plain text: WORD_MS per space-separated word, no timepoints
		const words = body.input.text.split(/\s+/).filter(Boolean).length;
		return { body: { audioContent: Buffer.from(toneWav(words * WORD_MS + 2 * LEAD_MS)).toString('base64') } };
	}
	const marks = marksOf(body.input.ssml);
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
		server.queue(SYNTHESIZE, {
			status: 429,
			headers: { 'retry-after': '0' },
			body: { error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } },
		});
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
		expect(
			Buffer.byteLength(
				buildSsmlParts(tokens.map((t) => t.text))
					.map((p) => p.ssml)
					.join(''),
			),
		).toBeGreaterThan(2 * MAX_SSML_BYTES);
		const provider = voice();
		try {
			const result = await provider.synthesize(request);
			const ssmls = bodies().map((b) => b.input.ssml!);
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
		expect(googleVoiceFor('fr-FR')).toEqual({ languageCode: 'fr-FR', name: 'fr-FR-Neural2-A' });
	});

	it('maps script languages to full locales and never leaves the voice to Google', () => {
		expect(googleLocaleFor('zh')).toBe('cmn-CN');
		expect(googleLocaleFor('zh-Hant')).toBe('cmn-TW');
		expect(googleLocaleFor('en')).toBe('en-US');
		expect(googleLocaleFor('en_GB')).toBe('en-GB');
		expect(googleLocaleFor('es-MX')).toBe('es-ES'); // an unlisted region: the language's default locale
		expect(googleLocaleFor('pt')).toBe('pt-BR');
		expect(googleLocaleFor('pt-PT')).toBe('pt-PT');
		expect(googleLocaleFor('xx')).toBeNull();
		expect(() => googleVoiceFor('xx-YY')).toThrow(/no default voice for language "xx-YY".*REELSMITH_GOOGLE_VOICE/);
		// a configured voice still serves a language the table lacks
		expect(googleVoiceFor('sw', undefined, 'sw-KE-Standard-A')).toEqual({ languageCode: 'sw-KE', name: 'sw-KE-Standard-A' });
	});

	it('asks for a voice that honours marks for each language, by locale and name', async () => {
		const cases: [string, string, string][] = [
			['zh', 'cmn-CN', 'cmn-CN-Wavenet-A'],
			['en', 'en-US', 'en-US-Neural2-F'],
			['ja', 'ja-JP', 'ja-JP-Neural2-B'],
			['ko', 'ko-KR', 'ko-KR-Neural2-A'],
			['fr', 'fr-FR', 'fr-FR-Neural2-A'],
			['de', 'de-DE', 'de-DE-Neural2-A'],
			['es', 'es-ES', 'es-ES-Neural2-A'],
			['pt', 'pt-BR', 'pt-BR-Neural2-A'],
		];
		const provider = voice();
		try {
			for (const [language] of cases) await provider.synthesize({ text: 'Hola', language, take: 0 });
			expect(bodies().map((b) => b.voice)).toEqual(cases.map(([, languageCode, name]) => ({ languageCode, name })));
			for (const body of bodies()) {
				expect(body.input.ssml).toMatch(/^<speak><mark name="w0"\/>/);
				expect(body.enableTimePointing).toEqual([1]);
			}
			const error = await rejectionOf(provider.synthesize({ text: 'Hujambo', language: 'xx', take: 0 }));
			expect(error.message).toMatch(/no default voice for language "xx"/);
			expect(calls()).toHaveLength(cases.length); // nothing sent
		} finally {
			await provider.close();
		}
	});

	it('sends a Chirp 3 HD voice plain text without timepointing and estimates the words', async () => {
		expect(isPlainTextVoice('en-US-Chirp3-HD-Kore')).toBe(true);
		expect(isPlainTextVoice('en-US-Chirp-HD-D')).toBe(true);
		expect(isPlainTextVoice('en-US-Journey-D')).toBe(true);
		expect(isPlainTextVoice('en-US-Neural2-F')).toBe(false);
		const provider = voice({ voiceName: 'en-US-Chirp3-HD-Kore' });
		try {
			const request = { text: 'R&D costs fell <5%, said "Tom".', language: 'en', take: 0 };
			const result = await provider.synthesize(request);
			const [body] = bodies();
			expect(body!.voice).toEqual({ languageCode: 'en-US', name: 'en-US-Chirp3-HD-Kore' });
			expect(body!.input).toEqual({ text: request.text }); // as written: no SSML, no escaping
			expect(body!.enableTimePointing ?? []).toEqual([]);
			const durationMs = 6 * WORD_MS + 2 * LEAD_MS;
			expect((await probeAudio(result.audio, 'wav')).durationMs).toBe(durationMs);
			expect(result.timing).toBe('estimated');
			expectScriptWords(request, result, durationMs);
			expect(result.words[0]!.startMs).toBe(0);
			expect(result.words.at(-1)!.endMs).toBeGreaterThan(durationMs / 2);
		} finally {
			await provider.close();
		}
	});

	it("sends a request's Journey voice plain text in parts under the limit and estimates each part's words", async () => {
		const sentence = 'Artificial intelligence is changing every industry, and short video creators are no exception.';
		const text = Array.from({ length: 80 }, (_, i) => `Part ${i + 1}: ${sentence}`).join(' ');
		const request = { text, language: 'en-US', voice: 'en-US-Journey-D', take: 0 };
		const provider = voice();
		try {
			const result = await provider.synthesize(request);
			const texts = bodies().map((b) => {
				expect(b.voice).toEqual({ languageCode: 'en-US', name: 'en-US-Journey-D' });
				expect(b.input.ssml).toBeUndefined();
				expect(b.enableTimePointing ?? []).toEqual([]);
				return b.input.text!;
			});
			expect(texts.length).toBeGreaterThanOrEqual(2);
			expect(texts.join('')).toBe(text);
			for (const part of texts) {
				expect(Buffer.byteLength(part, 'utf8')).toBeLessThan(MAX_SSML_BYTES);
				expect(part).toMatch(/exception\.$/);
			}
			const partMs = texts.map((t) => t.split(/\s+/).filter(Boolean).length * WORD_MS + 2 * LEAD_MS);
			const totalMs = partMs.reduce((sum, ms) => sum + ms, 0);
			expect((await probeAudio(result.audio, 'wav')).durationMs).toBe(totalMs);
			expect(result.timing).toBe('estimated');
			expectScriptWords(request, result, totalMs);
			// the second part's words are estimated over the second part's audio
			const firstOfSecond = segmentWords(texts[0]!, 'en-US').length;
			expect(result.words[firstOfSecond]!.startMs).toBe(partMs[0]!);
			expect(result.words[firstOfSecond - 1]!.endMs).toBeLessThanOrEqual(partMs[0]!);
		} finally {
			await provider.close();
		}
	});

	it('splits plain text the same way as SSML, and the parts join back into the text', () => {
		const tokens = segmentWords('One. Two, three. Four.', 'en').map((t) => t.text);
		const parts = buildTextParts(tokens, 12);
		// 'One.' is a sentence end in the first half of a part, so the cut falls at the clause end after it
		expect(parts.map((p) => p.text)).toEqual(['One. Two,', ' three.', ' Four.']);
		expect(parts.map((p) => [p.first, p.count])).toEqual([
			[0, 2],
			[2, 1],
			[3, 1],
		]);
		expect(buildTextParts(['a&b', ' <c>'], 100)).toEqual([{ text: 'a&b <c>', first: 0, count: 2 }]); // no escaping
	});

	it('fakes the real API: SSML or timepoints for Chirp 3 HD and Journey voices are a 400 INVALID_ARGUMENT', async () => {
		const post = (body: object) =>
			fetch(`${server.url}/v1beta1/text:synthesize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		for (const name of ['en-US-Chirp3-HD-Kore', 'en-US-Journey-D']) {
			const ssml = await post({
				input: { ssml: '<speak><mark name="w0"/>Hi</speak>' },
				voice: { languageCode: 'en-US', name },
				audioConfig: { audioEncoding: 'LINEAR16' },
				enableTimePointing: ['SSML_MARK'],
			});
			expect(ssml.status).toBe(400);
			expect(await ssml.json()).toEqual({
				error: { code: 400, message: 'This voice does not support SSML input. Please try again with text only.', status: 'INVALID_ARGUMENT' },
			});
			const marks = await post({
				input: { text: 'Hi' },
				voice: { languageCode: 'en-US', name },
				audioConfig: { audioEncoding: 'LINEAR16' },
				enableTimePointing: ['SSML_MARK'],
			});
			expect(marks.status).toBe(400);
			expect(((await marks.json()) as { error: { status: string } }).error.status).toBe('INVALID_ARGUMENT');
		}
		// and the provider's clean error keeps Google's words
		server.queue(SYNTHESIZE, INVALID_ARGUMENT('This voice does not support SSML input. Please try again with text only.'));
		const provider = voice({ voiceName: 'en-US-Journey-D' });
		try {
			const error = await rejectionOf(provider.synthesize({ text: 'Hi', language: 'en', take: 0 }));
			expect(error.message).toBe('Google TTS: HTTP 400 This voice does not support SSML input. Please try again with text only.');
		} finally {
			await provider.close();
		}
	});
});
