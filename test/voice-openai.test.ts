import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAIVoice, type OpenAIVoiceOptions } from '../src/providers/voice/openai/openai-voice';
import { readWav } from '../src/providers/voice/audio/read-wav';
import { startFakeServer, type FakeServer, type RecordedRequest } from './helpers/fake-server';
import { expectScriptWords, probeAudio, rejectionOf, toneWav, wordOf } from './helpers/voice-audio';

const API_KEY = 'sk-test-0123456789abcdef';
const SPEECH = 'POST /v1/audio/speech';
const TRANSCRIBE = 'POST /v1/audio/transcriptions';
const FAST = { baseDelayMs: 1, maxDelayMs: 5 };

type WhisperWord = { word: string; start: number; end: number };
const whisper = (words: WhisperWord[]) => ({
	task: 'transcribe',
	language: 'chinese',
	duration: 3,
	text: words.map((w) => w.word).join(''),
	words,
});

/** The text fields of a multipart form. */
const formFields = (request: RecordedRequest): Record<string, string> => {
	const fields: Record<string, string> = {};
	for (const match of request.body.toString('latin1').matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)\r\n/g)) fields[match[1]!] = Buffer.from(match[2]!, 'latin1').toString('utf8');
	return fields;
};

let server: FakeServer;
let transcript: WhisperWord[];
const speechOf = () => server.requests.filter((r) => r.path === '/v1/audio/speech');
const transcriptionsOf = () => server.requests.filter((r) => r.path === '/v1/audio/transcriptions');
const voice = (options: Partial<OpenAIVoiceOptions> = {}) =>
	createOpenAIVoice({ connection: { apiKey: API_KEY, baseURL: `${server.url}/v1`, timeoutMs: 2000 }, retry: FAST, ...options });

beforeEach(async () => {
	transcript = [];
	server = await startFakeServer({
		[SPEECH]: () => ({ headers: { 'content-type': 'audio/wav' }, body: Buffer.from(toneWav(3000)) }),
		[TRANSCRIBE]: () => ({ body: whisper(transcript) }),
	});
});
afterEach(async () => {
	await server.close();
});

describe('createOpenAIVoice', () => {
	it('asks for WAV speech with the model, voice and instructions, then aligns the transcript onto the script', async () => {
		transcript = [
			{ word: 'Hello', start: 0.1, end: 0.5 },
			{ word: 'world', start: 0.6, end: 1.1 },
			{ word: 'again', start: 1.5, end: 2.4 },
		];
		const provider = voice({ instructions: 'Speak warmly.' });
		expect(provider.name).toBe('openai-tts');
		expect(provider.model).toMatch(/^gpt-4o-mini-tts\/alloy\/i[0-9a-f]{8}$/);
		const request = { text: 'Hello, world! Again.', language: 'en', take: 0 };
		const result = await provider.synthesize(request);

		expect(speechOf()[0]!.json).toEqual({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: request.text, response_format: 'wav', instructions: 'Speak warmly.' });
		expect(speechOf()[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
		const fields = formFields(transcriptionsOf()[0]!);
		expect(fields).toMatchObject({ model: 'whisper-1', response_format: 'verbose_json', 'timestamp_granularities[]': 'word', language: 'en' });
		expect(fields.prompt).toBe(request.text);

		expect(result.extension).toBe('wav');
		expect(result.timing).toBe('aligned');
		const facts = await probeAudio(result.audio, 'wav');
		expect(facts.durationMs).toBe(3000);
		expectScriptWords(request, result, 3000);
		expect(result.words).toEqual([
			{ text: 'Hello,', startMs: 100, endMs: 500 },
			{ text: ' world!', startMs: 600, endMs: 1100 },
			{ text: ' Again.', startMs: 1500, endMs: 2400 },
		]);
	});

	it("aligns Whisper's Chinese (traditional characters, spelled-out numbers, its own word breaks) onto the script", async () => {
		transcript = [
			{ word: '我用', start: 0.0, end: 0.4 },
			{ word: 'ChatGPT', start: 0.4, end: 1.0 },
			{ word: '寫了', start: 1.0, end: 1.3 },
			{ word: '二零二四年', start: 1.3, end: 2.0 },
			{ word: '百分之二十', start: 2.0, end: 2.5 },
			{ word: '的代碼', start: 2.5, end: 2.9 },
		];
		const request = { text: '我用ChatGPT写了2024年20%的代码。', language: 'zh-CN', take: 0 };
		const result = await voice().synthesize(request);
		expect(formFields(transcriptionsOf()[0]!)).toMatchObject({ language: 'zh' });
		expect(result.timing).toBe('aligned');
		expectScriptWords(request, result, 3000);
		expect(wordOf(result, '我')).toEqual({ text: '我', startMs: 0, endMs: 200 });
		expect(wordOf(result, 'ChatGPT')).toEqual({ text: 'ChatGPT', startMs: 400, endMs: 1000 });
		expect(wordOf(result, '写')).toEqual({ text: '写', startMs: 1000, endMs: 1150 });
		expect(wordOf(result, '2024')).toEqual({ text: '2024', startMs: 1300, endMs: 1860 });
		expect(wordOf(result, '年')).toEqual({ text: '年', startMs: 1860, endMs: 2000 });
		const percent = wordOf(result, '20%');
		expect(percent.startMs).toBeGreaterThanOrEqual(2000);
		expect(percent.endMs).toBeLessThanOrEqual(2500);
		expect(wordOf(result, '代码。')).toEqual({ text: '代码。', startMs: 2633, endMs: 2900 });
	});

	it('retries a 429 (honouring Retry-After) and a 500, then succeeds', async () => {
		transcript = [{ word: 'hi', start: 0, end: 0.5 }];
		server.queue(SPEECH, { status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'Rate limit reached', type: 'requests' } } });
		server.queue(TRANSCRIBE, { status: 500, body: { error: { message: 'server error' } } });
		const result = await voice().synthesize({ text: 'Hi', language: 'en', take: 0 });
		expect(speechOf()).toHaveLength(2);
		expect(transcriptionsOf()).toHaveLength(2);
		expect(result.timing).toBe('aligned');
		expect(result.words).toEqual([{ text: 'Hi', startMs: 0, endMs: 500 }]);
	});

	it('retries a request that times out', async () => {
		transcript = [{ word: 'hi', start: 0, end: 0.5 }];
		server.queue(SPEECH, { hang: true });
		const provider = createOpenAIVoice({ connection: { apiKey: API_KEY, baseURL: `${server.url}/v1`, timeoutMs: 300 }, retry: FAST });
		const result = await provider.synthesize({ text: 'Hi', language: 'en', take: 0 });
		expect(speechOf()).toHaveLength(2);
		expect(readWav(result.audio).samples.length).toBe(72_000);
	});

	it('falls back to estimated timings when transcription fails', async () => {
		server.queue(TRANSCRIBE, ...Array.from({ length: 5 }, () => ({ status: 503, body: { error: { message: 'overloaded' } } })));
		const request = { text: '人工智能正在改变世界，你准备好了吗？', language: 'zh-CN', take: 0 };
		const result = await voice().synthesize(request);
		expect(transcriptionsOf()).toHaveLength(5);
		expect(result.timing).toBe('estimated');
		expectScriptWords(request, result, 3000);
		expect(result.words.at(-1)!.endMs).toBe(3000);
	});

	it('falls back to estimated timings when the transcript matches too little of the script', async () => {
		transcript = [{ word: 'Thanks for watching!', start: 0, end: 2 }];
		const request = { text: '今天我们聊聊短视频。', language: 'zh-CN', take: 0 };
		const result = await voice().synthesize(request);
		expect(result.timing).toBe('estimated');
		expectScriptWords(request, result, 3000);
	});

	it("uses a request's OpenAI voice, ignores other providers' voice names, and sends no instructions to tts-1", async () => {
		transcript = [{ word: 'hi', start: 0, end: 0.5 }];
		const provider = voice({ model: 'tts-1', voice: 'nova', instructions: 'ignored' });
		expect(provider.model).toBe('tts-1/nova');
		await provider.synthesize({ text: 'Hi', language: 'en', voice: 'coral', take: 0 });
		await provider.synthesize({ text: 'Hi', language: 'en', voice: 'zh-CN-XiaoxiaoNeural', take: 2 });
		const [first, second] = speechOf().map((r) => r.json as Record<string, unknown>);
		expect(first).toEqual({ model: 'tts-1', voice: 'coral', input: 'Hi', response_format: 'wav' });
		expect(second).toMatchObject({ model: 'tts-1', voice: 'nova' });
		expect(second!.speed).toBeTypeOf('number');
		expect(second).not.toHaveProperty('instructions');
	});

	it('gives up on a 401 at once, without the key in the error', async () => {
		server.queue(SPEECH, { status: 401, body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error' } } });
		const error = await rejectionOf(voice().synthesize({ text: 'Hi', language: 'en', take: 0 }));
		expect(error.message).toContain('401');
		expect(error.message).not.toContain(API_KEY);
		expect(speechOf()).toHaveLength(1);
	});
});
