import type { AssetCache, CachedAsset } from '../../cache/asset-cache';
import { cacheKey } from '../../cache/cache-key';
import type { TimingMethod, VoiceProvider, VoiceRequest, VoiceResult, WordTiming } from '../../providers/voice/voice-provider';
import type { SceneScript } from '../../schema/video-script';
import { probeMedia } from '../media/probe-media';
import type { AssetEvent, StageStats } from './asset-events';
import { cachedOrGenerate } from './cached-or-generate';
import { runSceneStage } from './scene-stage';

export type VoiceMeta = {
	readonly durationMs: number;
	readonly words: readonly WordTiming[];
	readonly timing: TimingMethod;
	readonly provider: string;
	readonly model: string;
};

export type VoicedScene = { readonly asset: CachedAsset<VoiceMeta>; readonly take: number; readonly cached: boolean };

export type VoiceStageInput = {
	readonly scenes: readonly SceneScript[];
	readonly language: string;
	readonly voice?: string;
	readonly provider: VoiceProvider;
	readonly cache: AssetCache;
	readonly takeOf: (sceneId: number) => number;
	readonly concurrency: number;
	readonly onEvent?: (event: AssetEvent) => void;
};

/** Words never outlast the audio they were measured from. */
const clampWords = (words: readonly WordTiming[], durationMs: number): WordTiming[] =>
	words.map((w) => ({ text: w.text, startMs: Math.min(w.startMs, durationMs), endMs: Math.min(w.endMs, durationMs) }));

/** The cache key of a scene's voice: the provider, its model, the text, language, voice and take. */
export const voiceKey = (provider: { name: string; model: string }, request: VoiceRequest): string =>
	cacheKey({
		stage: 'voice',
		provider: provider.name,
		model: provider.model,
		input: { text: request.text, language: request.language, voice: request.voice },
		options: { take: request.take },
	});

/** Voices every scene that has narration, through the cache; durations come from the audio files. */
export const runVoiceStage = async (input: VoiceStageInput): Promise<{ voiced: Map<number, VoicedScene>; stats: StageStats }> => {
	const { provider, cache } = input;
	const { results, stats } = await runSceneStage<VoicedScene>({
		stage: 'voice',
		provider,
		scenes: input.scenes.filter((s) => s.narration.trim() !== ''),
		concurrency: input.concurrency,
		...(input.onEvent ? { onEvent: input.onEvent } : {}),
		resolve: async (scene) => {
			const take = input.takeOf(scene.scene_id);
			const request = { text: scene.narration, language: input.language, ...(input.voice ? { voice: input.voice } : {}), take };
			const key = voiceKey(provider, request);
			const made: { result?: VoiceResult } = {};
			const { asset, cached } = await cachedOrGenerate<VoiceMeta>(
				cache,
				'voice',
				key,
				async () => {
					const result = await provider.synthesize(request);
					made.result = result;
					return { data: result.audio, extension: result.extension };
				},
				async (file) => {
					const { durationMs } = await probeMedia(file);
					if (!(durationMs > 0)) throw new Error(`${provider.name} returned audio with no duration for scene ${scene.scene_id}`);
					const result = made.result!;
					// a chain records the voice that actually spoke
					const spoke = result.voicedBy ?? provider;
					return { durationMs, words: clampWords(result.words, durationMs), timing: result.timing, provider: spoke.name, model: spoke.model };
				},
			);
			return { value: { asset, take, cached }, cached };
		},
	});
	return { voiced: results, stats };
};
