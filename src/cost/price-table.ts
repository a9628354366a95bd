/**
 * What providers charge, in US dollars, for the estimates in summary.json and `--dry-run`.
 * List prices as published when this table was last checked (2026-11); check your provider's page before
 * budgeting. Models match by name or by the part before a `/` (e.g. `gpt-4o-mini-tts/alloy`).
 */
export type Price =
	| { readonly unit: 'free' }
	| { readonly unit: 'tokens'; readonly inputPerMillion: number; readonly outputPerMillion: number }
	| { readonly unit: 'characters'; readonly perMillion: number }
	| { readonly unit: 'minutes'; readonly perMinute: number }
	| {
			readonly unit: 'images';
			readonly perImage: number;
			/** Added per input picture an image is drawn from (a character's reference), where the model bills them. */
			readonly perReferenceImage?: number;
	  };

type Row = { readonly provider: string; readonly model: string | '*'; readonly price: Price };

const PRICES: readonly Row[] = [
	{ provider: 'offline-article', model: '*', price: { unit: 'free' } },
	{ provider: 'openai-chat', model: 'gpt-4o-mini', price: { unit: 'tokens', inputPerMillion: 0.15, outputPerMillion: 0.6 } },
	{ provider: 'openai-chat', model: 'gpt-4o', price: { unit: 'tokens', inputPerMillion: 2.5, outputPerMillion: 10 } },
	{ provider: 'openai-chat', model: 'gpt-4.1-mini', price: { unit: 'tokens', inputPerMillion: 0.4, outputPerMillion: 1.6 } },
	{ provider: 'openai-chat', model: 'deepseek-chat', price: { unit: 'tokens', inputPerMillion: 0.28, outputPerMillion: 0.42 } },
	{ provider: 'espeak', model: '*', price: { unit: 'free' } },
	{ provider: 'edge', model: '*', price: { unit: 'free' } },
	{ provider: 'edge-tts', model: '*', price: { unit: 'free' } },
	{ provider: 'openai-tts', model: 'gpt-4o-mini-tts', price: { unit: 'minutes', perMinute: 0.015 } },
	{ provider: 'openai-tts', model: 'tts-1', price: { unit: 'characters', perMillion: 15 } },
	{ provider: 'openai-tts', model: 'tts-1-hd', price: { unit: 'characters', perMillion: 30 } },
	{ provider: 'openai-transcription', model: 'whisper-1', price: { unit: 'minutes', perMinute: 0.006 } },
	{ provider: 'google-tts', model: '*', price: { unit: 'characters', perMillion: 16 } },
	{ provider: 'procedural', model: '*', price: { unit: 'free' } },
	// An edit (a scene drawn from character pictures) also bills each input picture as image input tokens:
	// $8 (gpt-image-1.5) and $2.50 (gpt-image-1-mini) per million (openai.com/api/pricing, the models' pages).
	// A 1024×1024 sheet is about 765 tokens (85 + 4 tiles × 170, the vision rule at the default input_fidelity
	// "low"): 765 × $8/1M ≈ $0.0061 and 765 × $2.50/1M ≈ $0.0019 a picture. The edit's output is billed as a generation.
	{ provider: 'openai-images', model: 'gpt-image-1.5', price: { unit: 'images', perImage: 0.05, perReferenceImage: 0.0061 } },
	{ provider: 'openai-images', model: 'gpt-image-1-mini', price: { unit: 'images', perImage: 0.015, perReferenceImage: 0.0019 } },
	{ provider: 'compatible-images', model: '*', price: { unit: 'images', perImage: 0.01 } },
	// free within its request limits; the keywords an LLM picks for it are not counted here (a few dozen tokens a scene)
	{ provider: 'pexels', model: '*', price: { unit: 'free' } },
	{ provider: 'local-render', model: '*', price: { unit: 'free' } },
];

/** The price of a provider's model, or null when the table does not know it. */
export const priceOf = (provider: string, model: string): Price | null => {
	const base = model.split('/')[0]!.split('@')[0]!;
	const row =
		PRICES.find((r) => r.provider === provider && (r.model === model || r.model === base)) ?? PRICES.find((r) => r.provider === provider && r.model === '*');
	return row?.price ?? null;
};

/** The models the table prices by name for a provider (not its `*` row): the ones this project knows it serves. */
export const pricedModels = (provider: string): string[] => PRICES.filter((r) => r.provider === provider && r.model !== '*').map((r) => r.model);
