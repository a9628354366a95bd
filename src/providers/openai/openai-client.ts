import OpenAI from 'openai';

export type OpenAIConnection = {
	readonly apiKey: string;
	/** Any OpenAI-compatible server (DeepSeek, Qwen, Ollama, vLLM, a local fake); the SDK default otherwise. */
	readonly baseURL?: string;
	readonly timeoutMs?: number;
};

/**
 * One configured SDK client. Its own retries are off: every provider retries through `withRetry`, so
 * backoff, Retry-After and the final error message behave the same for every provider.
 */
export const createOpenAIClient = (connection: OpenAIConnection): OpenAI =>
	new OpenAI({
		apiKey: connection.apiKey,
		...(connection.baseURL ? { baseURL: connection.baseURL } : {}),
		timeout: connection.timeoutMs ?? 120_000,
		maxRetries: 0,
	});

/** OPENAI_API_KEY and OPENAI_BASE_URL, or null when no key is configured. */
export const openAIConnectionFromEnv = (env: NodeJS.ProcessEnv = process.env): OpenAIConnection | null => {
	const apiKey = env.OPENAI_API_KEY?.trim();
	if (!apiKey) return null;
	const baseURL = env.OPENAI_BASE_URL?.trim();
	return { apiKey, ...(baseURL ? { baseURL } : {}) };
};
