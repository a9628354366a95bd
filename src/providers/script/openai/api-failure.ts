import OpenAI from 'openai';

export type CallContext = {
	readonly model: string;
	/** Where the calls went: the host of OPENAI_BASE_URL, or api.openai.com. */
	readonly host: string;
	readonly tries: number;
	readonly apiKey: string;
};

const hintFor = (status: number, context: CallContext): string => {
	if (status === 401 || status === 403) return 'check OPENAI_API_KEY (and OPENAI_BASE_URL, if the key belongs to another server)';
	if (status === 404) return `check the model name (--model ${context.model}) and OPENAI_BASE_URL, which usually ends in /v1`;
	if (status === 429) return 'the server is rate-limiting this key or its quota is used up; wait, or check your plan';
	if (status >= 500) return 'the server is having trouble; try again later';
	return 'the server refused the request';
};

const tries = (n: number) => (n === 1 ? '1 try' : `${n} tries`);

/**
 * A failed chat call as one plain sentence with a fix; anything else (a bug) is passed on as it is.
 * The SDK error is not attached as a cause: some servers echo the key, which is cut out of this message.
 */
export const describeApiFailure = (error: unknown, context: CallContext): Error => {
	let message: string;
	if (error instanceof OpenAI.APIConnectionTimeoutError) {
		message = `${context.host} did not answer in time (${tries(context.tries)}); try again, or check that the server is running`;
	} else if (error instanceof OpenAI.APIConnectionError) {
		const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
		message = `could not reach ${context.host}${cause} (${tries(context.tries)}); check OPENAI_BASE_URL and that the server is running`;
	} else if (error instanceof OpenAI.APIError && error.status !== undefined) {
		// the SDK's message starts with the status again
		const said = error.message.replace(/^\d{3}\s+/, '').slice(0, 400);
		message = `${context.host} answered HTTP ${error.status} (${tries(context.tries)}): ${said}; ${hintFor(error.status, context)}`;
	} else {
		return error instanceof Error ? error : new Error(String(error));
	}
	const key = context.apiKey;
	const safe = key.length >= 4 ? message.split(key).join('***') : message;
	return new Error(`asking ${context.model} for the script: ${safe}`);
};
