import type { VoiceProvider, VoiceRequest, VoiceResult } from '../voice-provider';

export type VoiceChainOptions = {
	/** Told when a provider failed (after its own retries) and the next one is tried. */
	readonly onFallback?: (failed: { name: string; model: string }, error: Error) => void;
};

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Tries each provider in order until one voices the request, e.g. Edge, then Google, then offline
 * eSpeak. The result's `voicedBy` names the one that did; when all fail, the error lists every failure.
 */
export const createVoiceChain = (providers: readonly VoiceProvider[], options: VoiceChainOptions = {}): VoiceProvider => {
	if (providers.length === 0) throw new Error('a voice chain needs at least one provider');
	return {
		name: `chain(${providers.map((p) => p.name).join(',')})`,
		model: providers.map((p) => `${p.name}:${p.model}`).join(','),
		synthesize: async (request: VoiceRequest): Promise<VoiceResult> => {
			const failures: string[] = [];
			for (const [index, provider] of providers.entries()) {
				try {
					const result = await provider.synthesize(request);
					return { ...result, voicedBy: result.voicedBy ?? { name: provider.name, model: provider.model } };
				} catch (error) {
					failures.push(`${provider.name}: ${asError(error).message}`);
					if (index < providers.length - 1) options.onFallback?.({ name: provider.name, model: provider.model }, asError(error));
				}
			}
			throw new Error(`every voice failed (${failures.join('; ')})`);
		},
		close: async () => {
			const closing = await Promise.allSettled(providers.map((p) => p.close()));
			const failed = closing.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
			if (failed) throw asError(failed.reason);
		},
	};
};
