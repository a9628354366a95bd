import { InputError } from '../pipeline/input-error';
import type { Problem } from '../schema/problems';
import { openAIConnectionFromEnv } from './openai/openai-client';
import { MISSING_KEY_MESSAGE } from './script/openai/missing-key';
import { createOpenAIScriptWriter } from './script/openai/openai-script-writer';
import { createArticleScriptWriter } from './script/article/article-script-writer';
import type { ScriptProvider } from './script/script-provider';
import { createCompatibleImages } from './storyboard/compatible/compatible-images';
import { createOpenAIImages } from './storyboard/openai/openai-images';
import { createProceduralStoryboard } from './storyboard/procedural/procedural-storyboard';
import type { StoryboardProvider } from './storyboard/storyboard-provider';
import { createEspeakVoice } from './voice/espeak/espeak-voice';
import type { VoiceProvider } from './voice/voice-provider';

/** The only place that turns provider names into providers (DESIGN §3). `none` leaves the stage out. */
export const PROVIDER_NAMES = {
	llm: ['offline', 'openai'],
	tts: ['espeak', 'none'],
	images: ['procedural', 'openai', 'compatible', 'none'],
} as const;

export type ProviderStage = keyof typeof PROVIDER_NAMES;
export type ProviderNames = { readonly [S in ProviderStage]: (typeof PROVIDER_NAMES)[S][number] };

const ENV_VARS: Readonly<Record<ProviderStage, string>> = { llm: 'REELSMITH_LLM', tts: 'REELSMITH_TTS', images: 'REELSMITH_IMAGES' };
const DEFAULTS: ProviderNames = { llm: 'offline', tts: 'espeak', images: 'procedural' };

/** Flags win over environment variables, which win over the offline defaults. Unknown names are problems. */
export const chooseProviders = (
	flags: Partial<Record<ProviderStage, string>>,
	env: NodeJS.ProcessEnv = process.env,
): { names: ProviderNames; problems: Problem[] } => {
	const problems: Problem[] = [];
	const pick = <S extends ProviderStage>(stage: S): ProviderNames[S] => {
		const given = flags[stage] ?? env[ENV_VARS[stage]];
		if (given === undefined || given === '') return DEFAULTS[stage];
		const valid: readonly string[] = PROVIDER_NAMES[stage];
		if (valid.includes(given)) return given as ProviderNames[S];
		const source = flags[stage] !== undefined ? `--${stage}` : ENV_VARS[stage];
		problems.push({ path: source, message: `unknown ${stage} provider ${JSON.stringify(given)}; use one of: ${valid.join(', ')}` });
		return DEFAULTS[stage];
	};
	return { names: { llm: pick('llm'), tts: pick('tts'), images: pick('images') }, problems };
};

export type ScriptOptions = { readonly model?: string; readonly temperature?: number; readonly strict?: boolean };

export const createScriptProvider = (name: ProviderNames['llm'], options: ScriptOptions = {}, env: NodeJS.ProcessEnv = process.env): ScriptProvider => {
	switch (name) {
		case 'offline':
			return createArticleScriptWriter();
		case 'openai': {
			const connection = openAIConnectionFromEnv(env);
			if (!connection) throw new InputError('environment', [{ path: 'OPENAI_API_KEY', message: MISSING_KEY_MESSAGE }]);
			const model = options.model ?? env.REELSMITH_LLM_MODEL?.trim();
			return createOpenAIScriptWriter({
				connection,
				...(model ? { model } : {}),
				...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
				...(options.strict ? { strict: true } : {}),
			});
		}
	}
};

export const createVoiceProvider = (name: ProviderNames['tts']): VoiceProvider | null => {
	switch (name) {
		case 'espeak':
			return createEspeakVoice();
		case 'none':
			return null;
	}
};

const needs = (variable: string, what: string) =>
	new InputError('environment', [{ path: variable, message: `${what} needs ${variable}; set it in the environment or in a .env file` }]);

export const createStoryboardProvider = (name: ProviderNames['images'], env: NodeJS.ProcessEnv = process.env): StoryboardProvider | null => {
	switch (name) {
		case 'procedural':
			return createProceduralStoryboard();
		case 'openai': {
			const connection = openAIConnectionFromEnv(env);
			if (!connection) throw needs('OPENAI_API_KEY', '--images openai');
			const model = env.OPENAI_IMAGE_MODEL?.trim();
			return createOpenAIImages({ connection, ...(model ? { model } : {}) });
		}
		case 'compatible': {
			const apiKey = env.IMAGE_API_KEY?.trim();
			if (!apiKey) throw needs('IMAGE_API_KEY', '--images compatible');
			const model = env.IMAGE_MODEL?.trim();
			const steps = env.IMAGE_STEPS?.trim();
			try {
				return createCompatibleImages({
					baseURL: env.IMAGE_BASE_URL?.trim() || 'https://api.siliconflow.cn/v1',
					apiKey,
					...(model ? { model } : {}),
					...(steps ? { steps: Number(steps) } : {}),
				});
			} catch (error) {
				throw new InputError('environment', [{ path: 'IMAGE_STEPS', message: `${(error as Error).message}; set IMAGE_STEPS to a whole number from 1 to 100` }]);
			}
		}
		case 'none':
			return null;
	}
};
