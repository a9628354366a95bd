import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { VoiceProvider, VoiceRequest, VoiceResult } from '../voice-provider';
import { alignWordEvents } from './align-word-events';
import type { SynthesisJob, SynthesisReply } from './espeak-protocol';
import { espeakVoiceCandidates } from './espeak-voice-name';
import { findSpeechEndMs } from './speech-end';
import { takeVariation } from './take-variation';
import { encodeWav, pcmDurationMs } from './wav';

export type EspeakVoiceOptions = {
	/** Words per minute of take 0 (eSpeak's default 175; it accepts 80–450). */
	readonly rate?: number;
	/** Pitch of take 0, 0–100 (eSpeak's default 50). */
	readonly pitch?: number;
};

const DEFAULT_RATE = 175;
const DEFAULT_PITCH = 50;
const PACKAGE = '@echogarden/espeak-ng-emscripten';

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(Math.round(value), low), high);

/** Names the engine for cache keys: the eSpeak build, plus any non-default base rate or pitch. */
const modelName = (rate: number, pitch: number) => {
	const { version } = createRequire(import.meta.url)(`${PACKAGE}/package.json`) as { version: string };
	return [`espeak-ng-emscripten-${version}`, rate !== DEFAULT_RATE ? `r${rate}` : '', pitch !== DEFAULT_PITCH ? `p${pitch}` : ''].filter(Boolean).join('-');
};

type Pending = { text: string; resolve: (reply: Extract<SynthesisReply, { ok: true }>) => void; reject: (error: Error) => void };

const snippet = (text: string) => JSON.stringify([...text].length > 24 ? `${[...text].slice(0, 24).join('')}…` : text);

/**
 * Offline voice: eSpeak NG compiled to JavaScript, run in a worker thread so synthesis never blocks
 * the caller. Speaks Mandarin for `zh` and US English for `en` (or the eSpeak voice a request names),
 * and times every word of the request's text from eSpeak's word events.
 */
export const createEspeakVoice = (options: EspeakVoiceOptions = {}): VoiceProvider => {
	const rate = clamp(options.rate ?? DEFAULT_RATE, 80, 450);
	const pitch = clamp(options.pitch ?? DEFAULT_PITCH, 0, 100);
	const pending = new Map<number, Pending>();
	let worker: Worker | null = null;
	let closed = false;
	let nextId = 0;

	const failAll = (error: Error) => {
		for (const { reject } of pending.values()) reject(error);
		pending.clear();
	};

	const startWorker = () => {
		const started = new Worker(new URL('./espeak-worker.mjs', import.meta.url));
		started.on('message', (reply: SynthesisReply) => {
			const waiting = pending.get(reply.id);
			pending.delete(reply.id);
			// an idle worker must not keep a finished CLI alive
			if (pending.size === 0) started.unref();
			if (!waiting) return;
			if (reply.ok) waiting.resolve(reply);
			else waiting.reject(new Error(`eSpeak failed on ${snippet(waiting.text)}: ${reply.message}`));
		});
		started.on('error', (error) => {
			if (worker === started) worker = null;
			failAll(new Error(`eSpeak worker failed: ${error.message}`));
		});
		started.on('exit', (code) => {
			if (worker === started) worker = null;
			failAll(new Error(`eSpeak worker exited (code ${code})`));
		});
		return started;
	};

	const run = (job: Omit<SynthesisJob, 'id'>) =>
		new Promise<Extract<SynthesisReply, { ok: true }>>((resolve, reject) => {
			if (closed) {
				reject(new Error('eSpeak voice is closed'));
				return;
			}
			worker ??= startWorker();
			worker.ref();
			const id = nextId++;
			pending.set(id, { text: job.text, resolve, reject });
			worker.postMessage({ ...job, id } satisfies SynthesisJob);
		});

	return {
		name: 'espeak',
		model: modelName(rate, pitch),
		synthesize: async (request: VoiceRequest): Promise<VoiceResult> => {
			const variation = takeVariation(request.take);
			const reply = await run({
				text: request.text,
				voices: espeakVoiceCandidates(request.language, request.voice),
				rate: clamp(rate + variation.rateDelta, 80, 450),
				pitch: clamp(pitch + variation.pitchDelta, 0, 100),
			});
			const words = alignWordEvents({
				text: request.text,
				language: request.language,
				events: reply.events,
				speechEndMs: findSpeechEndMs(reply.samples, reply.sampleRate),
				durationMs: pcmDurationMs(reply.samples.length, reply.sampleRate),
			});
			return { audio: encodeWav(reply.samples, reply.sampleRate), extension: 'wav', words, timing: 'provider' };
		},
		close: async () => {
			closed = true;
			failAll(new Error('eSpeak voice was closed before the synthesis finished'));
			const stopping = worker;
			worker = null;
			await stopping?.terminate();
		},
	};
};
