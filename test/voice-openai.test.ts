import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAIClient } from '../src/providers/openai/openai-client';
import { createOpenAIVoice, type OpenAIVoiceOptions } from '../src/providers/voice/openai/openai-voice';
import { MAX_SPEECH_CHARS, splitForSpeech } from '../src/providers/voice/openai/split-speech';
import { givesWordTimestamps } from '../src/providers/voice/openai/transcription-model';
import { createVoiceProvider } from '../src/providers/provider-factory';
import { InputError } from '../src/schema/input-error';
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
	for (const match of request.body.toString('latin1').matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)\r\n/g))
		fields[match[1]!] = Buffer.from(match[2]!, 'latin1').toString('utf8');
	return fields;
};

/** OpenAI's error body. */
const apiError = (message: string, param: string | null, code: string | null) => ({
	status: 400,
	body: { error: { message, type: 'invalid_request_error', param, code } },
});

let server: FakeServer;
let transcript: WhisperWord[];
/** The words the fake hears in the speech it made last; `transcript` unless a test says otherwise. */
let hear: (lastInput: string) => WhisperWord[];
/** How long the speech the fake makes for an input is. */
let speechMs: (input: string) => number;
const speechOf = () => server.requests.filter((r) => r.path === '/v1/audio/speech');
const transcriptionsOf = () => server.requests.filter((r) => r.path === '/v1/audio/transcriptions');
const voice = (options: Partial<OpenAIVoiceOptions> = {}) =>
	createOpenAIVoice({ connection: { apiKey: API_KEY, baseURL: `${server.url}/v1`, timeoutMs: 2000 }, retry: FAST, ...options });

beforeEach(async () => {
	transcript = [];
	hear = () => transcript;
	speechMs = () => 3000;
	server = await startFakeServer({
		// like api.openai.com: `input` has at most 4096 characters
		[SPEECH]: (request) => {
			const input = String((request.json as { input?: unknown }).input ?? '');
			if ([...input].length > MAX_SPEECH_CHARS) {
				return apiError(
					`string too long. Expected a string with maximum length 4096, but got a string with length ${[...input].length} instead.`,
					'input',
					'string_above_max_length',
				);
			}
			return { headers: { 'content-type': 'audio/wav' }, body: Buffer.from(toneWav(speechMs(input))) };
		},
		// like api.openai.com: word timestamps (verbose_json, timestamp_granularities) come from whisper-1 only
		[TRANSCRIBE]: (request) => {
			const fields = formFields(request);
			const model = fields.model ?? '';
			if (model !== 'whisper-1' && !/whisper/.test(model)) {
				if (fields.response_format === 'verbose_json') {
					return apiError(
						`response_format 'verbose_json' is not compatible with model '${model}'. Use 'json' or 'text' instead.`,
						'response_format',
						'unsupported_value',
					);
				}
				if (fields['timestamp_granularities[]'] !== undefined) {
					return apiError(`timestamp_granularities is not supported with model '${model}'.`, 'timestamp_granularities', 'unsupported_value');
				}
			}
			const spoken = speechOf().at(-1)?.json as { input?: string } | undefined;
			return { body: whisper(hear(spoken?.input ?? '')) };
		},
	});
});
afterEach(async () => {
	await server.close();
});

describe('splitForSpeech', () => {
	it('keeps short text whole and packs whole sentences into pieces under the limit', () => {
		expect(splitForSpeech('Hello. World!')).toEqual(['Hello. World!']);
		expect(splitForSpeech('这是第一句。这是第二句！真的吗？Yes. It costs 3.5 dollars. Done', 14)).toEqual([
			'这是第一句。这是第二句！',
			'真的吗？Yes. It ',
			'costs 3.5 ',
			'dollars. Done',
		]);
	});

	it('cuts a sentence longer than the limit at clauses, then spaces, then anywhere, never inside a surrogate pair', () => {
		expect(splitForSpeech('一二三四五，六七八九十，一二三四五六七八九十一二三四五', 8)).toEqual([
			'一二三四五，',
			'六七八九十，',
			'一二三四五六七八',
			'九十一二三四五',
		]);
		expect(splitForSpeech(`aaaaa${'😀'.repeat(3)}`, 4)).toEqual(['aaaa', 'a😀', '😀😀']);
	});
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

		expect(speechOf()[0]!.json).toEqual({
			model: 'gpt-4o-mini-tts',
			voice: 'alloy',
			input: request.text,
			response_format: 'wav',
			instructions: 'Speak warmly.',
		});
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

	it('the fake, like the real API, refuses speech input over 4096 characters and word timestamps from gpt-4o-transcribe', async () => {
		const client = createOpenAIClient({ apiKey: API_KEY, baseURL: `${server.url}/v1`, timeoutMs: 2000 });
		const tooLong = await client.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'a'.repeat(4097) }).catch((error: unknown) => error);
		expect(tooLong).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'input' });
		const file = new File([Buffer.from(toneWav(100))], 'speech.wav', { type: 'audio/wav' });
		const noWords = await client.audio.transcriptions
			.create({ file, model: 'gpt-4o-transcribe', response_format: 'verbose_json', timestamp_granularities: ['word'] })
			.catch((error: unknown) => error);
		expect(noWords).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'response_format' });
	});

	it('refuses a transcription model without word timestamps before speaking, naming the setting and whisper-1', async () => {
		expect(() => voice({ transcriptionModel: 'gpt-4o-transcribe' })).toThrow(
			/^transcriptionModel: the transcription model "gpt-4o-transcribe" gives no word timestamps .*; set transcriptionModel to whisper-1 or leave it unset$/,
		);
		expect(() => voice({ transcriptionModel: 'gpt-4o-mini-transcribe', transcriptionModelSetting: 'REELSMITH_OPENAI_TRANSCRIPTION_MODEL' })).toThrow(
			/^REELSMITH_OPENAI_TRANSCRIPTION_MODEL: .*"gpt-4o-mini-transcribe".*set REELSMITH_OPENAI_TRANSCRIPTION_MODEL to whisper-1/,
		);
		expect(server.requests).toHaveLength(0);
		expect(givesWordTimestamps('whisper-1')).toBe(true);
		expect(givesWordTimestamps('Systran/faster-whisper-small')).toBe(true);
		expect(givesWordTimestamps('gpt-4o-transcribe-diarize')).toBe(false);

		transcript = [{ word: 'hi', start: 0, end: 0.5 }];
		const result = await voice({ transcriptionModel: 'whisper-large-v3' }).synthesize({ text: 'Hi', language: 'en', take: 0 });
		expect(formFields(transcriptionsOf()[0]!).model).toBe('whisper-large-v3');
		expect(result.timing).toBe('aligned');
	});

	it('takes the transcription model from REELSMITH_OPENAI_TRANSCRIPTION_MODEL, refusing one without word timestamps as an input error naming the variable', async () => {
		const env = { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: `${server.url}/v1` };
		const refused = (() => {
			try {
				createVoiceProvider(['openai'], { ...env, REELSMITH_OPENAI_TRANSCRIPTION_MODEL: 'gpt-4o-transcribe' });
				return null;
			} catch (error) {
				return error;
			}
		})();
		expect(refused).toBeInstanceOf(InputError);
		expect((refused as InputError).problems).toEqual([
			{
				path: 'REELSMITH_OPENAI_TRANSCRIPTION_MODEL',
				message: expect.stringMatching(
					/^the transcription model "gpt-4o-transcribe" gives no word timestamps .*set REELSMITH_OPENAI_TRANSCRIPTION_MODEL to whisper-1/,
				),
			},
		]);
		expect(server.requests).toHaveLength(0);

		transcript = [{ word: 'hi', start: 0, end: 0.5 }];
		const chosen = createVoiceProvider(['openai'], { ...env, REELSMITH_OPENAI_TRANSCRIPTION_MODEL: 'Systran/faster-whisper-small' })!;
		await chosen.synthesize({ text: 'Hi', language: 'en', take: 0 });
		expect(formFields(transcriptionsOf()[0]!).model).toBe('Systran/faster-whisper-small');
	});

	it('speaks narration over 4096 characters in pieces cut at sentence ends, joining the audio and the word timings', async () => {
		const sentences = Array.from({ length: 200 }, (_, i) => `Sentence number ${i + 1} tells one more small fact about the sea.`);
		const request = { text: sentences.join(' '), language: 'en', take: 0 };
		expect(request.text.length).toBeGreaterThan(2 * MAX_SPEECH_CHARS);
		speechMs = (input) => input.length * 5;
		// the fake hears every word of the piece it spoke, evenly over its audio
		hear = (input) => {
			const words = input.trim().split(/\s+/);
			const each = (input.length * 5) / 1000 / words.length;
			return words.map((word, i) => ({ word: word.replace(/[.,]/g, ''), start: i * each, end: (i + 0.8) * each }));
		};
		const result = await voice().synthesize(request);

		const inputs = speechOf().map((r) => (r.json as { input: string }).input);
		expect(inputs).toHaveLength(3);
		expect(inputs.join('')).toBe(request.text);
		for (const input of inputs) {
			expect(input.length).toBeLessThanOrEqual(MAX_SPEECH_CHARS);
			expect(input.trimEnd()).toMatch(/sea\.$/);
		}
		expect(transcriptionsOf()).toHaveLength(3);
		expect(transcriptionsOf().map((r) => formFields(r).prompt)).toEqual(inputs.map((input) => input.slice(0, 120)));

		const totalMs = request.text.length * 5;
		expect(readWav(result.audio).samples.length).toBe((totalMs * 24_000) / 1000);
		expect((await probeAudio(result.audio, 'wav')).durationMs).toBe(totalMs);
		expect(result.timing).toBe('aligned');
		expectScriptWords(request, result, totalMs);
		// the first word of each later piece starts where the audio before it ends
		let wordsBefore = 0;
		let msBefore = 0;
		for (const input of inputs) {
			expect(result.words[wordsBefore]!.startMs).toBe(msBefore);
			expect(result.words[wordsBefore]!.text.trim()).toBe('Sentence');
			wordsBefore += input.trim().split(/\s+/).length;
			msBefore += input.length * 5;
		}
		expect(wordsBefore).toBe(result.words.length);
	});

	it('cuts long Chinese narration after 。！？ and keeps every piece within the limit', async () => {
		const sentences = Array.from({ length: 450 }, (_, i) => `第${i + 1}句：人工智能正在改变我们工作的方式${i % 3 === 0 ? '！' : i % 3 === 1 ? '？' : '。'}`);
		const request = { text: sentences.join(''), language: 'zh-CN', take: 0 };
		expect(request.text.length).toBeGreaterThan(2 * MAX_SPEECH_CHARS);
		const result = await voice().synthesize(request);
		const inputs = speechOf().map((r) => (r.json as { input: string }).input);
		expect(inputs.length).toBe(3);
		expect(inputs.join('')).toBe(request.text);
		for (const input of inputs) {
			expect(input.length).toBeLessThanOrEqual(MAX_SPEECH_CHARS);
			expect(input).toMatch(/[。！？]$/);
		}
		expect(readWav(result.audio).samples.length).toBe(3 * 72_000);
		// the fake heard nothing, so the words are estimated over the joined audio
		expect(result.timing).toBe('estimated');
		expectScriptWords(request, result, 9000);
		expect(result.words.at(-1)!.endMs).toBe(9000);
	});

	it('gives up on a 401 at once, without the key in the error', async () => {
		server.queue(SPEECH, { status: 401, body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error' } } });
		const error = await rejectionOf(voice().synthesize({ text: 'Hi', language: 'en', take: 0 }));
		expect(error.message).toContain('401');
		expect(error.message).not.toContain(API_KEY);
		expect(speechOf()).toHaveLength(1);
	});
});
