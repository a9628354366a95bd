import OpenAI from 'openai';

const NAMES_THE_FORMAT = /response_format|response format|json_schema|structured output/i;

/**
 * Whether a failed `json_schema` call means "this server has no structured outputs". OpenAI-compatible
 * servers (DeepSeek, Qwen, Ollama, vLLM) say it in their own words and with 400 or 422, so an answer that
 * names the format counts, and so does any such answer before the server ever accepted the schema.
 */
export const rejectsJsonSchema = (error: unknown, neverAccepted: boolean): boolean => {
	if (!(error instanceof OpenAI.APIError) || (error.status !== 400 && error.status !== 422)) return false;
	return neverAccepted || NAMES_THE_FORMAT.test(`${error.message} ${JSON.stringify(error.error ?? '')}`);
};
