import { chooseProviders, createStoryboardProvider, createVoiceProvider, PROVIDER_NAMES, type ProviderNames } from '../../providers/provider-factory';
import { InputError } from '../input-error';

/** `--llm`, `--tts` and `--images` for every command that makes assets. */
export const PROVIDER_FLAG_OPTIONS = {
	llm: { type: 'string' },
	tts: { type: 'string' },
	images: { type: 'string' },
} as const;

export const PROVIDER_USAGE =
	`[--llm ${PROVIDER_NAMES.llm.join('|')}] [--tts ${PROVIDER_NAMES.tts.join('|')}] [--images ${PROVIDER_NAMES.images.join('|')}]`;

export const providerNamesFrom = (values: { llm?: string | undefined; tts?: string | undefined; images?: string | undefined }): ProviderNames => {
	const flags = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, string>;
	const { names, problems } = chooseProviders(flags);
	if (problems.length > 0) throw new InputError('arguments', problems);
	return names;
};

export const assetProvidersFor = (names: ProviderNames) => ({
	voice: createVoiceProvider(names.tts),
	storyboard: createStoryboardProvider(names.images),
});
