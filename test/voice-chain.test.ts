import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVoiceChain } from '../src/providers/voice/chain/voice-chain';
import { createEdgeVoice } from '../src/providers/voice/edge/edge-voice';
import { createEspeakVoice } from '../src/providers/voice/espeak/espeak-voice';
import { createGoogleVoice } from '../src/providers/voice/google/google-voice';
import { createOpenAIVoice } from '../src/providers/voice/openai/openai-voice';
import type { VoiceProvider } from '../src/providers/voice/voice-provider';
import { startFakeServer, type FakeServer } from './helpers/fake-server';
import { expectScriptWords, probeAudio, rejectionOf, toneWav } from './helpers/voice-audio';

const FAST = { retries: 1, baseDelayMs: 1, maxDelayMs: 5 };
const SYNTHESIZE = 'POST /v1beta1/text:synthesize';

/** A port nothing listens on, so Edge's connection is refused at once. */
const closedPort = async () => {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
};

let google: FakeServer;
let edgeEndpoint: string;
const edge = () => createEdgeVoice({ endpoint: edgeEndpoint, retry: FAST, timeoutMs: 2000 });
const googleVoice = () =>
	createGoogleVoice({
		apiKey: 'AIzaTestKey0123456789abcdefghij',
		clientOptions: { apiEndpoint: '127.0.0.1', port: Number(new URL(google.url).port), protocol: 'http' },
		retry: FAST,
	});

beforeAll(async () => {
	edgeEndpoint = `ws://127.0.0.1:${await closedPort()}/consumer/speech/synthesize/readaloud/edge/v1`;
});
beforeEach(async () => {
	google = await startFakeServer({
		[SYNTHESIZE]: () => ({
			body: {
				audioContent: Buffer.from(toneWav(600)).toString('base64'),
				timepoints: [
					{ markName: 'w0', timeSeconds: 0.05 },
					{ markName: 'w1', timeSeconds: 0.3 },
					{ markName: 'end', timeSeconds: 0.55 },
				],
			},
		}),
	});
});
afterEach(async () => {
	await google.close();
});

describe('createVoiceChain', () => {
	let chain: VoiceProvider;
	let fallbacks: string[];
	beforeEach(() => {
		fallbacks = [];
		chain = createVoiceChain([edge(), googleVoice(), createEspeakVoice()], {
			onFallback: (failed, error) => fallbacks.push(`${failed.name}: ${error.message}`),
		});
	});
	afterEach(async () => {
		await chain.close();
	});

	it('falls through to the next provider after one fails, and says which voiced it', async () => {
		expect(chain.name).toBe('chain(edge-tts,google-tts,espeak)');
		expect(chain.model).toBe('edge-tts:edge-readaloud/default,google-tts:texttospeech-v1beta1/default,espeak:espeak-ng-emscripten-0.3.5');
		const request = { text: 'Hello world', language: 'en', take: 0 };
		const result = await chain.synthesize(request);
		expect(result.voicedBy).toEqual({ name: 'google-tts', model: 'texttospeech-v1beta1/default' });
		expect(result.timing).toBe('provider');
		expect(result.words).toEqual([
			{ text: 'Hello', startMs: 50, endMs: 300 },
			{ text: ' world', startMs: 300, endMs: 550 },
		]);
		expect(fallbacks).toEqual([expect.stringMatching(/^edge-tts: Edge TTS: .*ECONNREFUSED/)]);
		expect(google.requests).toHaveLength(1);
	});

	it('reaches the offline voice when the cloud voices fail', async () => {
		google.queue(SYNTHESIZE, { status: 403, body: { error: { code: 403, message: 'Billing is disabled', status: 'PERMISSION_DENIED' } } });
		const request = { text: '你好，世界。', language: 'zh-CN', take: 0 };
		const result = await chain.synthesize(request);
		expect(result.voicedBy).toEqual({ name: 'espeak', model: 'espeak-ng-emscripten-0.3.5' });
		expect(fallbacks).toEqual([expect.stringMatching(/^edge-tts: /), 'google-tts: Google TTS: HTTP 403 Billing is disabled']);
		expectScriptWords(request, result, (await probeAudio(result.audio, 'wav')).durationMs);
	});

	it('lists every failure when no provider can voice the request', async () => {
		const openai = await startFakeServer({ 'POST /v1/audio/speech': () => ({ status: 401, body: { error: { message: 'Incorrect API key provided.' } } }) });
		google.queue(SYNTHESIZE, { status: 403, body: { error: { code: 403, message: 'Billing is disabled', status: 'PERMISSION_DENIED' } } });
		const all = createVoiceChain([
			edge(),
			googleVoice(),
			createOpenAIVoice({ connection: { apiKey: 'sk-test-0123456789abcdef', baseURL: `${openai.url}/v1` }, retry: FAST }),
		]);
		try {
			const error = await rejectionOf(all.synthesize({ text: 'Hello', language: 'en', take: 0 }));
			expect(error.message).toMatch(/^every voice failed \(edge-tts: .+; google-tts: Google TTS: HTTP 403 Billing is disabled; openai-tts: 401 .+\)$/);
			expect(error.message).not.toContain('sk-test-0123456789abcdef');
		} finally {
			await all.close();
			await openai.close();
		}
	});

	it('closes every provider', async () => {
		const closed: string[] = [];
		const fake = (name: string): VoiceProvider => ({
			name,
			model: 'm',
			synthesize: () => Promise.reject(new Error('unused')),
			close: async () => void closed.push(name),
		});
		await createVoiceChain([fake('a'), fake('b'), fake('c')]).close();
		expect(closed).toEqual(['a', 'b', 'c']);
		expect(() => createVoiceChain([])).toThrow('at least one provider');
	});
});
