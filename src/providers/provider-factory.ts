import type { Problem } from '../schema/problems';
import { createArticleScriptWriter } from './script/article/article-script-writer';
import type { ScriptProvider } from './script/script-provider';
import { createProceduralStoryboard } from './storyboard/procedural/procedural-storyboard';
import type { StoryboardProvider } from './storyboard/storyboard-provider';
import { createEspeakVoice } from './voice/espeak/espeak-voice';
import type { VoiceProvider } from './voice/voice-provider';

/** The only place that turns provider names into providers (DESIGN §3). `none` leaves the stage out. */
export const PROVIDER_NAMES = {
	llm: ['offline'],
	tts: ['espeak', 'none'],
	images: ['procedural', 'none'],
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

export const createScriptProvider = (name: ProviderNames['llm']): ScriptProvider => {
	switch (name) {
		case 'offline':
			return createArticleScriptWriter();
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

export const createStoryboardProvider = (name: ProviderNames['images']): StoryboardProvider | null => {
	switch (name) {
		case 'procedural':
			return createProceduralStoryboard();
		case 'none':
			return null;
	}
};
