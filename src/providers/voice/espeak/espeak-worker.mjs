// Runs eSpeak NG (compiled to JS) in a worker thread, since its synthesis blocks for as long as it runs.
// Plain JavaScript so it loads without a TypeScript loader; messages follow espeak-protocol.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import createEspeak from '@echogarden/espeak-ng-emscripten';

const packageDir = path.dirname(createRequire(import.meta.url).resolve('@echogarden/espeak-ng-emscripten'));
const bytes = readFileSync(path.join(packageDir, 'espeak-ng.data'));
const voiceData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);

// eSpeak's wave generator carries state from one utterance to the next, so the same text would not
// give the same samples twice: every job gets a fresh instance (tens of ms; the voice data is read once).
const freshEngine = async () => {
	const messages = [];
	const module = await createEspeak({
		getPreloadedPackage: () => voiceData.slice(0),
		print: (line) => messages.push(line),
		printErr: (line) => messages.push(line),
	});
	return { engine: new module.eSpeakNGWorker(), messages };
};

let spare = freshEngine();
spare.catch(() => {});
const takeEngine = async () => {
	const current = spare;
	spare = freshEngine();
	spare.catch(() => {});
	return current;
};

const synthesize = ({ text, voices, rate, pitch }, { engine, messages }) => {
	if (!voices.some((name) => engine.set_voice(name) === 0)) {
		throw new Error(`no voice ${voices.map((name) => JSON.stringify(name)).join(' or ')}`);
	}
	engine.rate = rate;
	engine.pitch = pitch;
	const chunks = [];
	const events = [];
	try {
		engine.synthesize(text, (audio, chunkEvents) => {
			if (audio?.length) chunks.push(audio);
			for (const event of chunkEvents) {
				if (event.type === 'word') events.push({ textPosition: event.text_position, audioMs: event.audio_position });
			}
			return false;
		});
	} catch (error) {
		const detail = messages.length > 0 ? ` (${messages.join('; ')})` : '';
		throw new Error(`${error instanceof Error ? error.message : String(error)}${detail}`);
	}
	const samples = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
	let offset = 0;
	for (const chunk of chunks) {
		samples.set(chunk, offset);
		offset += chunk.length;
	}
	return { samples, sampleRate: engine.samplerate, events };
};

let queue = Promise.resolve();
parentPort.on('message', (job) => {
	queue = queue.then(async () => {
		try {
			const result = synthesize(job, await takeEngine());
			parentPort.postMessage({ id: job.id, ok: true, ...result }, [result.samples.buffer]);
		} catch (error) {
			parentPort.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) });
		}
	});
});
