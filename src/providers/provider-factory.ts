import { InputError } from '../schema/input-error';
import type { Problem } from '../schema/problems';
import { quote } from '../schema/quote';
import { openAIConnectionFromEnv } from './openai/openai-client';
import { MISSING_KEY_MESSAGE } from './script/openai/missing-key';
import { createOpenAIScriptWriter } from './script/openai/openai-script-writer';
import { createArticleScriptWriter } from './script/article/article-script-writer';
import type { ScriptProvider } from './script/script-provider';
import { createCompatibleImages } from './storyboard/compatible/compatible-images';
import { createOpenAIImages } from './storyboard/openai/openai-images';
import { llmSearchTerms } from './storyboard/pexels/llm-search-terms';
import { createPexelsStock, PEXELS_DEFAULT_BASE_URL } from './storyboard/pexels/pexels-stock';
import { createProceduralStoryboard } from './storyboard/procedural/procedural-storyboard';
import type { StoryboardProvider } from './storyboard/storyboard-provider';
import { createVoiceChain } from './voice/chain/voice-chain';
import { createEdgeVoice } from './voice/edge/edge-voice';
import { createEspeakVoice } from './voice/espeak/espeak-voice';
import { createGoogleVoice } from './voice/google/google-voice';
import { googleVoiceOptionsFromEnv } from './voice/google/google-voice-env';
import { createOpenAIVoice, type OpenAISpeechModel } from './voice/openai/openai-voice';
import type { VoiceProvider } from './voice/voice-provider';

/** The only place that turns provider names into providers (DESIGN §3). `none` leaves the stage out. */
export const PROVIDER_NAMES = {
	llm: ['offline', 'openai'],
	tts: ['espeak', 'openai', 'google', 'edge', 'none'],
	images: ['procedural', 'openai', 'compatible', 'pexels', 'none'],
} as const;

export type ProviderStage = keyof typeof PROVIDER_NAMES;
type NameOf<S extends ProviderStage> = (typeof PROVIDER_NAMES)[S][number];
/** `tts` may be a fallback chain such as `edge,google,espeak`, tried in order. */
export type ProviderNames = { readonly llm: NameOf<'llm'>; readonly tts: readonly NameOf<'tts'>[]; readonly images: NameOf<'images'> };

const ENV_VARS: Readonly<Record<ProviderStage, string>> = { llm: 'REELSMITH_LLM', tts: 'REELSMITH_TTS', images: 'REELSMITH_IMAGES' };
const DEFAULTS = { llm: 'offline', tts: 'espeak', images: 'procedural' } as const;

/** Flags win over environment variables, which win over the offline defaults. Unknown names are problems. */
export const chooseProviders = (
	flags: Partial<Record<ProviderStage, string>>,
	env: NodeJS.ProcessEnv = process.env,
): { names: ProviderNames; problems: Problem[] } => {
	const problems: Problem[] = [];
	const pick = (stage: ProviderStage): string[] => {
		const given = flags[stage] ?? env[ENV_VARS[stage]];
		if (given === undefined || given.trim() === '') return [DEFAULTS[stage]];
		const source = flags[stage] !== undefined ? `--${stage}` : ENV_VARS[stage];
		const valid: readonly string[] = PROVIDER_NAMES[stage];
		const names = given.split(',').map((n) => n.trim());
		const unknown = names.filter((n) => !valid.includes(n));
		if (unknown.length > 0) {
			problems.push({ path: source, message: `unknown ${stage} provider ${quote(unknown[0])}; use one of: ${valid.join(', ')}` });
		} else if (names.length > 1 && (stage !== 'tts' || names.includes('none'))) {
			problems.push({
				path: source,
				message: `${quote(given)} names several providers; only --tts takes a fallback list such as edge,google,espeak (without none)`,
			});
		} else {
			return [...new Set(names)];
		}
		return [DEFAULTS[stage]];
	};
	const names = {
		llm: pick('llm')[0] as NameOf<'llm'>,
		tts: pick('tts') as NameOf<'tts'>[],
		images: pick('images')[0] as NameOf<'images'>,
	};
	return { names, problems };
};

const needs = (variable: string, what: string) =>
	new InputError('environment', [{ path: variable, message: `${what} needs ${variable}; set it in the environment or in a .env file` }]);
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

/** The model that times OpenAI speech word by word (whisper-1 unless set). */
const TRANSCRIPTION_MODEL_VARIABLE = 'REELSMITH_OPENAI_TRANSCRIPTION_MODEL';

const createOneVoice = (name: Exclude<NameOf<'tts'>, 'none'>, env: NodeJS.ProcessEnv): VoiceProvider => {
	switch (name) {
		case 'espeak':
			return createEspeakVoice();
		case 'openai': {
			const connection = openAIConnectionFromEnv(env);
			if (!connection) throw needs('OPENAI_API_KEY', '--tts openai');
			const model = env.REELSMITH_OPENAI_TTS_MODEL?.trim();
			const voice = env.REELSMITH_OPENAI_VOICE?.trim();
			const instructions = env.REELSMITH_OPENAI_TTS_INSTRUCTIONS?.trim();
			const transcriptionModel = env[TRANSCRIPTION_MODEL_VARIABLE]?.trim();
			try {
				return createOpenAIVoice({
					connection,
					...(model ? { model: model as OpenAISpeechModel } : {}),
					...(voice ? { voice } : {}),
					...(instructions ? { instructions } : {}),
					...(transcriptionModel ? { transcriptionModel, transcriptionModelSetting: TRANSCRIPTION_MODEL_VARIABLE } : {}),
				});
			} catch (error) {
				const message = (error as Error).message;
				if (!message.startsWith(`${TRANSCRIPTION_MODEL_VARIABLE}: `)) throw error;
				throw new InputError('environment', [{ path: TRANSCRIPTION_MODEL_VARIABLE, message: message.slice(TRANSCRIPTION_MODEL_VARIABLE.length + 2) }]);
			}
		}
		case 'google':
			return createGoogleVoice(googleVoiceOptionsFromEnv(env));
		case 'edge': {
			const voice = env.REELSMITH_EDGE_VOICE?.trim();
			return createEdgeVoice(voice ? { voice } : {});
		}
	}
};

/** One voice, or a fallback chain when several are named. */
export const createVoiceProvider = (
	names: ProviderNames['tts'],
	env: NodeJS.ProcessEnv = process.env,
	onFallback?: (failed: { name: string; model: string }, error: Error) => void,
): VoiceProvider | null => {
	const voices = names.filter((n): n is Exclude<NameOf<'tts'>, 'none'> => n !== 'none').map((n) => createOneVoice(n, env));
	if (voices.length === 0) return null;
	if (voices.length === 1) return voices[0]!;
	return createVoiceChain(voices, onFallback ? { onFallback } : {});
};

/** `llm` is the run's script LLM: stock footage searches with its keywords when it is `openai`. */
export const createStoryboardProvider = (
	name: ProviderNames['images'],
	env: NodeJS.ProcessEnv = process.env,
	options: { readonly llm?: ProviderNames['llm'] } = {},
): StoryboardProvider | null => {
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
				// the provider names its own problems (an unknown IMAGE_MODEL); what else it throws is about the steps
				if (error instanceof InputError) throw error;
				throw new InputError('environment', [{ path: 'IMAGE_STEPS', message: `${(error as Error).message}; set IMAGE_STEPS to a whole number from 1 to 100` }]);
			}
		}
		case 'pexels': {
			const apiKey = env.PEXELS_API_KEY?.trim();
			if (!apiKey) throw needs('PEXELS_API_KEY', '--images pexels');
			const connection = options.llm === 'openai' ? openAIConnectionFromEnv(env) : null;
			const model = env.REELSMITH_LLM_MODEL?.trim();
			return createPexelsStock({
				apiKey,
				baseURL: env.PEXELS_BASE_URL?.trim() || PEXELS_DEFAULT_BASE_URL,
				...(connection ? { searchTerms: llmSearchTerms({ connection, ...(model ? { model } : {}) }) } : {}),
			});
		}
		case 'none':
			return null;
	}
};
