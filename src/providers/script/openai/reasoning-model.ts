/**
 * Whether a chat model is one of OpenAI's reasoning models, which turn down sampling parameters:
 * `temperature` (and `top_p`) get HTTP 400 "Unsupported parameter: 'temperature' is not supported with
 * this model." (code `unsupported_parameter`).
 *
 * Decided by name prefix: the o-series (`o1`, `o3`, `o3-mini`, `o4-mini`, dated snapshots such as
 * `o3-2025-04-16`) and the GPT-5 family (`gpt-5`, `gpt-5-mini`, `gpt-5-nano`, `gpt-5.1`…). See
 * https://platform.openai.com/docs/guides/reasoning (linked from the SDK's `reasoning_effort` docs) and
 * the unsupported-parameter report in https://github.com/openai/openai-python/issues/2104.
 * A router prefix (`openai/o3` on OpenRouter) is looked through. Other servers' models (deepseek-reasoner,
 * qwq) keep their temperature: those servers accept it.
 */
const REASONING_PREFIXES = /^(o[1-9](?![0-9a-z])|gpt-5(?![0-9]))/i;

export const isReasoningModel = (model: string): boolean => REASONING_PREFIXES.test(model.trim().split('/').pop() ?? '');
