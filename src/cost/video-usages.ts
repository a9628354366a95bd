import type { Usage } from './estimate-cost';
import { estimateTokens } from './estimate-cost';

export type SceneWork = {
	readonly narration: string;
	readonly voiceSeconds: number;
	/** The provider that voices / draws the scene; null when supplied or left out. */
	readonly voice: { readonly provider: string; readonly model: string } | null;
	readonly image: { readonly provider: string; readonly model: string } | null;
	/** How many character pictures the scene's image is drawn from. */
	readonly references?: number;
};

/** Input to an LLM: our prompt (about 1500 tokens of rules) plus the topic or article. */
const PROMPT_TOKENS = 1500;

export const scriptUsage = (provider: string, model: string, sourceText: string, scriptJson: string): Usage => ({
	stage: 'script',
	provider,
	model,
	inputTokens: PROMPT_TOKENS + estimateTokens(sourceText),
	outputTokens: estimateTokens(scriptJson),
});

/**
 * The voices of a fallback chain in order (its name is `chain(a,b)`, its model `a:model,b:model`); any other
 * provider is itself. A chain is priced as its first voice, which speaks unless it fails.
 */
export const chainMembers = (provider: { readonly name: string; readonly model: string }): { name: string; model: string }[] => {
	if (!/^chain\(.*\)$/.test(provider.name)) return [{ name: provider.name, model: provider.model }];
	return provider.model.split(',').map((member) => {
		const colon = member.indexOf(':');
		return colon < 0 ? { name: member, model: '' } : { name: member.slice(0, colon), model: member.slice(colon + 1) };
	});
};

/**
 * What the scenes cost in provider units: characters and minutes of voice, and images. OpenAI speech is
 * followed by a word-level transcription, which is billed by the minute too.
 */
export const sceneUsages = (scenes: readonly SceneWork[]): Usage[] => {
	const usages: Usage[] = [];
	for (const scene of scenes) {
		if (scene.voice) {
			const minutes = scene.voiceSeconds / 60;
			const first = chainMembers({ name: scene.voice.provider, model: scene.voice.model })[0]!;
			const voice = { provider: first.name, model: first.model };
			usages.push({ stage: 'voice', ...voice, characters: [...scene.narration].length, minutes });
			if (voice.provider === 'openai-tts') usages.push({ stage: 'voice', provider: 'openai-transcription', model: 'whisper-1', minutes });
		}
		if (scene.image) usages.push({ stage: 'storyboard', ...scene.image, images: 1, ...(scene.references ? { referenceImages: scene.references } : {}) });
	}
	return usages;
};

/** One picture per character sheet, drawn by the storyboard provider. */
export const characterUsages = (sheets: readonly { readonly provider: string; readonly model: string }[]): Usage[] =>
	sheets.map((sheet) => ({ stage: 'characters', provider: sheet.provider, model: sheet.model, images: 1 }));

/** Adds up equal provider/model rows, so a summary lists one line per provider. */
export const mergeUsages = (usages: readonly Usage[]): Usage[] => {
	const merged = new Map<string, Usage>();
	const add = (a: number | undefined, b: number | undefined) => (a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0));
	for (const usage of usages) {
		const key = `${usage.stage}\u0000${usage.provider}\u0000${usage.model}`;
		const seen = merged.get(key);
		if (!seen) {
			merged.set(key, usage);
			continue;
		}
		const sum: Record<string, unknown> = { stage: usage.stage, provider: usage.provider, model: usage.model };
		for (const field of ['inputTokens', 'outputTokens', 'characters', 'minutes', 'images', 'referenceImages'] as const) {
			const value = add(seen[field], usage[field]);
			if (value !== undefined) sum[field] = field === 'minutes' ? Math.round(value * 1000) / 1000 : value;
		}
		merged.set(key, sum as Usage);
	}
	return [...merged.values()];
};
