import type { WordEvent } from './align-word-events';

/** What `espeak-worker.mjs` is asked: speak `text` with the first of `voices` that eSpeak knows. */
export type SynthesisJob = {
	readonly id: number;
	readonly text: string;
	readonly voices: readonly string[];
	/** Words per minute. */
	readonly rate: number;
	/** 0–100. */
	readonly pitch: number;
};

export type SynthesisReply =
	| { readonly id: number; readonly ok: true; readonly samples: Int16Array; readonly sampleRate: number; readonly events: readonly WordEvent[] }
	| { readonly id: number; readonly ok: false; readonly message: string };
