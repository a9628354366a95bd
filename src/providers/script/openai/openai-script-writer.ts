import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { detectLanguage } from '../../../timeline/language';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../../http/retry';
import { classifyOpenAIError } from '../../openai/classify-openai-error';
import { createOpenAIClient, type OpenAIConnection } from '../../openai/openai-client';
import type { ScriptProvider, ScriptRequest, ScriptResult } from '../script-provider';
import { describeApiFailure } from './api-failure';
import { checkAnswer, type ModelAnswer } from './check-answer';
import { invalidAnswerError } from './invalid-answer';
import { LLM_SCRIPT_SCHEMA_NAME, llmScriptSchema } from './llm-script-schema';
import { isReasoningModel } from './reasoning-model';
import { rejectsJsonSchema } from './rejects-json-schema';
import { articleMessage, repairMessage, scriptSystemPrompt, topicMessage, type ScriptBrief } from './script-prompts';
import { checkScriptQuality } from './script-quality';
import type { ScriptFrame } from './to-video-script';

export type ResponseFormatMode = 'auto' | 'json_schema' | 'json_object';

export type OpenAIScriptWriterOptions = {
	readonly connection: OpenAIConnection;
	readonly model?: string;
	/**
	 * 0.7 by default. Reasoning models (o-series, GPT-5: see reasoning-model.ts) take none, so none is sent
	 * to them; one given explicitly is then ignored with a warning note rather than refused, since the
	 * model's own sampling is what the user gets either way.
	 */
	readonly temperature?: number;
	/** `auto` asks for json_schema and falls back to json_object for good once a server turns it down. */
	readonly responseFormat?: ResponseFormatMode;
	/** Quality problems (script-quality.ts: length, hook, prompt length, scene lengths) fail the write instead of coming back as warnings. */
	readonly strict?: boolean;
	readonly retry?: Partial<Omit<RetryOptions, 'classify'>>;
};

export const DEFAULT_SCRIPT_MODEL = 'gpt-4o-mini';
/** The seed's default length for a topic; an article without a target gets the length it needs. */
const DEFAULT_TOPIC_SECONDS = 60;
/** Longer articles are cut: a model's context, and the bill, are finite. */
const MAX_ARTICLE_CHARS = 30_000;

type Format = 'json_schema' | 'json_object';

const structuredFormat = zodResponseFormat(llmScriptSchema, LLM_SCRIPT_SCHEMA_NAME);

const hostOf = (baseURL: string | undefined) => {
	if (!baseURL) return 'api.openai.com';
	try {
		return new URL(baseURL).host;
	} catch {
		return 'OPENAI_BASE_URL';
	}
};

const answerOf = (completion: ChatCompletion): ModelAnswer => {
	const choice = completion.choices[0];
	if (choice?.message.refusal) throw new Error(`the model declined to write this script: ${choice.message.refusal}`);
	return { content: choice?.message.content ?? '', truncated: choice?.finish_reason === 'length' };
};

const sourceText = (source: ScriptRequest['source']) => (source.kind === 'topic' ? source.topic : source.text);

/**
 * Script writing with an OpenAI chat model, or any OpenAI-compatible server through `connection.baseURL`.
 * Writes from a topic or rewrites an article; the answer is checked against our script schema, with one
 * repair round-trip, and against the seed's quality rules.
 */
export const createOpenAIScriptWriter = (options: OpenAIScriptWriterOptions): ScriptProvider => {
	const client = createOpenAIClient(options.connection);
	const model = options.model ?? DEFAULT_SCRIPT_MODEL;
	const reasoning = isReasoningModel(model);
	const temperature = reasoning ? undefined : (options.temperature ?? 0.7);
	const ignoredTemperature =
		reasoning && options.temperature !== undefined
			? `warning: ${model} is a reasoning model and takes no temperature; the temperature ${options.temperature} given was ignored`
			: null;
	const mode = options.responseFormat ?? 'auto';
	const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry, classify: classifyOpenAIError };
	const host = hostOf(options.connection.baseURL);
	const apiKey = options.connection.apiKey;
	let format: Format = mode === 'json_object' ? 'json_object' : 'json_schema';
	let schemaAccepted = false;

	const complete = async (conversation: readonly ChatCompletionMessageParam[]): Promise<ModelAnswer> => {
		for (;;) {
			const used = format;
			let tries = 0;
			let completion: ChatCompletion;
			try {
				completion = await withRetry((attempt) => {
					tries = attempt + 1;
					return client.chat.completions.create({
						model,
						...(temperature !== undefined ? { temperature } : {}),
						messages: [{ role: 'system', content: scriptSystemPrompt(used) }, ...conversation],
						response_format: used === 'json_schema' ? structuredFormat : { type: 'json_object' },
					});
				}, retry);
			} catch (error) {
				if (mode === 'auto' && used === 'json_schema' && rejectsJsonSchema(error, !schemaAccepted)) {
					format = 'json_object';
					continue;
				}
				throw describeApiFailure(error, { model, host, tries, apiKey });
			}
			if (used === 'json_schema') schemaAccepted = true;
			return answerOf(completion);
		}
	};

	const write = async (request: ScriptRequest): Promise<ScriptResult> => {
		const notes: string[] = ignoredTemperature ? [ignoredTemperature] : [];
		const targetSeconds = request.durationSeconds ?? (request.source.kind === 'topic' ? DEFAULT_TOPIC_SECONDS : undefined);
		const language = request.language ?? detectLanguage(sourceText(request.source));
		const brief: ScriptBrief = {
			platform: request.platform,
			style: request.style ?? 'informative',
			language,
			...(targetSeconds !== undefined ? { targetSeconds } : {}),
		};
		const frame: ScriptFrame = {
			platform: request.platform,
			language,
			...(targetSeconds !== undefined ? { targetSeconds } : {}),
			...(request.style !== undefined ? { style: request.style } : {}),
		};

		let ask: string;
		if (request.source.kind === 'topic') {
			if (request.source.topic.trim() === '') throw new Error('the topic is empty; say what the video is about, e.g. --topic "5 AI tools that save time"');
			ask = topicMessage(request.source.topic.trim(), brief);
		} else {
			const chars = [...request.source.text];
			if (chars.length > MAX_ARTICLE_CHARS) {
				notes.push(`${request.source.name} has ${chars.length} characters; only the first ${MAX_ARTICLE_CHARS} were sent to the model`);
			}
			ask = articleMessage({ name: request.source.name, text: chars.slice(0, MAX_ARTICLE_CHARS).join('') }, brief);
		}

		const conversation: ChatCompletionMessageParam[] = [{ role: 'user', content: ask }];
		let answer = await complete(conversation);
		let checked = checkAnswer(answer, frame);
		if (!checked.ok) {
			conversation.push({ role: 'assistant', content: answer.content }, { role: 'user', content: repairMessage(checked.problems) });
			answer = await complete(conversation);
			checked = checkAnswer(answer, frame);
			if (!checked.ok) throw invalidAnswerError(model, answer.content, checked.problems);
			notes.push(`the first answer of ${model} was not a valid script; it corrected it when asked`);
		}
		if (format === 'json_object' && mode === 'auto') {
			notes.push(`${host} does not take json_schema response formats; the schema was sent in the prompt (json_object) instead`);
		}

		const issues = checkScriptQuality(checked.script, targetSeconds);
		if (issues.length > 0 && options.strict) {
			throw new Error(`the script from ${model} falls short of the quality rules:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`);
		}
		notes.push(...issues.map((i) => `warning: ${i.message}`));
		return { script: checked.script, notes };
	};

	return {
		name: 'openai-chat',
		model,
		async write(request) {
			try {
				return await write(request);
			} catch (error) {
				// belt and braces: no message that leaves this provider may carry the key
				if (error instanceof Error && apiKey.length >= 4 && error.message.includes(apiKey)) {
					throw new Error(error.message.split(apiKey).join('***'));
				}
				throw error;
			}
		},
	};
};
