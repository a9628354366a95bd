/** The transcription model used for word timings unless told otherwise. */
export const DEFAULT_TRANSCRIPTION_MODEL = 'whisper-1';

/**
 * Whether a transcription model gives word timestamps. On api.openai.com only `whisper-1` takes
 * `response_format: 'verbose_json'` with `timestamp_granularities: ['word']`; `gpt-4o-transcribe` and
 * `gpt-4o-mini-transcribe` answer `json` or `text` only (the SDK's `TranscriptionCreateParams.response_format`:
 * "For gpt-4o-transcribe and gpt-4o-mini-transcribe, the only supported format is json") and turn the
 * request down with HTTP 400. OpenAI-compatible Whisper servers name their models after Whisper too
 * (`whisper-large-v3`, `Systran/faster-whisper-small`), so a name that says "whisper" counts.
 */
export const givesWordTimestamps = (model: string): boolean => /whisper/i.test(model);

/**
 * Refuses a transcription model that gives no word timestamps, before any speech is paid for: the
 * captions would silently fall back to estimated timings. `setting` names where the model was set
 * (an option or an environment variable), so the message says what to change.
 */
export const checkTranscriptionModel = (model: string, setting: string): string => {
	if (!givesWordTimestamps(model)) {
		throw new Error(
			`${setting}: the transcription model "${model}" gives no word timestamps (OpenAI offers them only with ` +
				`verbose_json from ${DEFAULT_TRANSCRIPTION_MODEL}), and the captions need them; set ${setting} to ${DEFAULT_TRANSCRIPTION_MODEL} or leave it unset`,
		);
	}
	return model;
};
