import { pricedModels } from '../../cost/price-table';
import type { ProviderNames } from '../../providers/provider-factory';
import type { Problem } from '../../schema/problems';

/** The providers a run uses and the script model chosen on the command line (`--model`), if any. */
export type ModelSelection = { readonly names: ProviderNames; readonly llmModelFlag?: string };

/**
 * Model names the project knows OpenAI will not serve to its providers, and why. Data, not code: a model
 * OpenAI retires is added here (and dropped from the price table).
 */
const NOT_SERVED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
	OPENAI_IMAGE_MODEL: {
		'gpt-image-1': 'OpenAI has retired it',
		'dall-e-2': 'it is a DALL·E model, and this provider asks for GPT image options (quality, JPEG output) that DALL·E does not take',
		'dall-e-3': 'it is a DALL·E model, and this provider asks for GPT image options (quality, JPEG output) that DALL·E does not take',
	},
};

type ModelSetting = { readonly path: string; readonly model: string; readonly known: readonly string[] };

/** The OpenAI model settings the run will use: only stages that call OpenAI, only models that were set. */
const settingsInUse = ({ names, llmModelFlag }: ModelSelection, env: NodeJS.ProcessEnv): ModelSetting[] => {
	const settings: ModelSetting[] = [];
	const add = (path: string, value: string | undefined, provider: string) => {
		const model = value?.trim();
		if (model) settings.push({ path, model, known: pricedModels(provider) });
	};
	if (names.images === 'openai') add('OPENAI_IMAGE_MODEL', env.OPENAI_IMAGE_MODEL, 'openai-images');
	if (names.tts.includes('openai')) add('REELSMITH_OPENAI_TTS_MODEL', env.REELSMITH_OPENAI_TTS_MODEL, 'openai-tts');
	if (names.llm === 'openai') {
		if (llmModelFlag?.trim()) add('--model', llmModelFlag, 'openai-chat');
		else add('REELSMITH_LLM_MODEL', env.REELSMITH_LLM_MODEL, 'openai-chat');
	}
	return settings;
};

/**
 * Offline checks of the configured OpenAI models: one the project knows is not served is a problem, listed with
 * the known ones; an unknown one is only a warning (OpenAI adds models; the name is sent as is, and the cost
 * estimate cannot price it). With OPENAI_BASE_URL set the server is another one, where any name may be valid,
 * so nothing is refused. The `compatible` image endpoint takes any model name and is not checked.
 */
export const modelFindings = (selection: ModelSelection, env: NodeJS.ProcessEnv = process.env): { problems: Problem[]; warnings: string[] } => {
	const otherServer = Boolean(env.OPENAI_BASE_URL?.trim());
	const problems: Problem[] = [];
	const warnings: string[] = [];
	for (const { path, model, known } of settingsInUse(selection, env)) {
		const why = NOT_SERVED[path]?.[model];
		if (why && otherServer) {
			warnings.push(`${path}=${model}: OpenAI does not serve it (${why}); kept, as OPENAI_BASE_URL points at another server`);
		} else if (why) {
			problems.push({ path, message: `${model} is not served: ${why}; use one of ${known.join(', ')} (or unset ${path} for ${known[0]})` });
		} else if (!otherServer && !known.includes(model)) {
			warnings.push(`${path}=${model} is not a model this project knows (${known.join(', ')}): it is sent as is, and the cost estimate cannot price it`);
		}
	}
	return { problems, warnings };
};
