import OpenAI from 'openai';
import { parseRetryAfter, type CallFailure } from '../http/retry';

/** Retry classification for the openai SDK's errors (its own retries are turned off: see openai-client.ts). */
export const classifyOpenAIError = (error: unknown): CallFailure | null => {
	if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof OpenAI.APIConnectionError) return { transient: true };
	if (error instanceof OpenAI.APIError && error.status !== undefined) {
		const retryAfter = parseRetryAfter(error.headers?.get('retry-after'));
		return { status: error.status, ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}) };
	}
	return null;
};
