/** SiliconFlow's `POST /images/generations` body; `image_size` from siliconflow-sizes.ts. */
export type GenerationBody = {
	readonly model: string;
	readonly prompt: string;
	readonly image_size: string;
	readonly num_inference_steps: number;
	readonly seed: number;
	readonly batch_size: 1;
	/** An input picture as a URL or base64 data URI, for the models that take one (reference-models.ts). */
	readonly image?: string;
};

export type GeneratedImage = { readonly url: string } | { readonly base64: string };

type Entry = { url?: unknown; b64_json?: unknown };

/**
 * The first picture of an answer. SiliconFlow sends `{ images: [{ url }], seed }`; other compatible
 * servers send OpenAI's `{ data: [{ url | b64_json }] }`, so both are read.
 */
export const generatedImageOf = (answer: unknown): GeneratedImage => {
	const body = (answer ?? {}) as { images?: Entry[]; data?: Entry[] };
	const first = (Array.isArray(body.images) ? body.images[0] : undefined) ?? (Array.isArray(body.data) ? body.data[0] : undefined);
	if (typeof first?.url === 'string' && first.url.length > 0) return { url: first.url };
	if (typeof first?.b64_json === 'string' && first.b64_json.length > 0) return { base64: first.b64_json };
	throw new Error(`the answer held no image (expected images[0].url): ${JSON.stringify(answer).slice(0, 200)}`);
};
