import { chooseProviders, createStoryboardProvider, createVoiceProvider, PROVIDER_NAMES, type ProviderNames } from '../../providers/provider-factory';
import { redactSecrets } from '../../config/redact-secrets';
import { InputError } from '../../schema/input-error';

/** `--llm`, `--tts` and `--images` for every command that makes assets. */
export const PROVIDER_FLAG_OPTIONS = {
	llm: { type: 'string' },
	tts: { type: 'string' },
	images: { type: 'string' },
} as const;

export const PROVIDER_USAGE = `[--llm ${PROVIDER_NAMES.llm.join('|')}] [--tts ${PROVIDER_NAMES.tts.join('|')}[,…]] [--images ${PROVIDER_NAMES.images.join('|')}]`;

export const providerNamesFrom = (values: { llm?: string | undefined; tts?: string | undefined; images?: string | undefined }): ProviderNames => {
	const flags = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, string>;
	const { names, problems } = chooseProviders(flags);
	if (problems.length > 0) throw new InputError('arguments', problems);
	return names;
};

export const assetProvidersFor = (names: ProviderNames) => ({
	voice: createVoiceProvider(names.tts, process.env, (failed, error) =>
		console.error(`voice      ${failed.name} (${failed.model}) failed: ${redactSecrets(error.message)}; trying the next voice`),
	),
	storyboard: createStoryboardProvider(names.images, process.env, { llm: names.llm }),
});
