import type { StoryboardImage, StoryboardProvider, StoryboardRequest } from './storyboard-provider';

export type ImageFailureInput = {
	readonly provider: string;
	readonly model: string;
	readonly tries: number;
	readonly error: unknown;
	/** Scrubbed from the message, in case a server echoes the key back. */
	readonly secret: string;
};

const describe = (error: unknown): string => {
	if (error instanceof Error && error.name === 'TimeoutError') return 'no answer within the timeout';
	return error instanceof Error ? error.message : String(error);
};

/** The error a storyboard provider throws last: which provider and model, how many tries of the step that failed, why; never the key. */
export const imageFailure = ({ provider, model, tries, error, secret }: ImageFailureInput): Error => {
	const attempts = tries > 1 ? ` after ${tries} tries` : '';
	let message = `${provider} (${model}): image generation failed${attempts}: ${describe(error)}`;
	if (secret.length > 0) message = message.split(secret).join('***');
	return new Error(message, { cause: error });
};

export type RemoteImageProviderSpec = {
	readonly name: string;
	/** The cache-key model string. */
	readonly model: string;
	readonly secret: string;
	readonly maxConcurrency?: number;
	/** Whether `generate` sends the request's character pictures (see StoryboardProvider.takesReferences). */
	readonly takesReferences?: boolean;
	/** Draws one picture; `onTry` is told each attempt, so a failure can say how many were made. */
	readonly generate: (request: StoryboardRequest, onTry: (attempt: number) => void) => Promise<Uint8Array>;
};

/** A storyboard provider around a remote API: JPEG out, 3 at a time by default, and one clear final error. */
export const remoteImageProvider = (spec: RemoteImageProviderSpec): StoryboardProvider<StoryboardImage> => ({
	name: spec.name,
	model: spec.model,
	maxConcurrency: spec.maxConcurrency ?? 3,
	...(spec.takesReferences ? { takesReferences: true } : {}),
	draw: async (request) => {
		let tries = 0;
		try {
			return { image: await spec.generate(request, (attempt) => (tries = attempt + 1)), extension: 'jpg' };
		} catch (error) {
			throw imageFailure({ provider: spec.name, model: spec.model, tries, error, secret: spec.secret });
		}
	},
});
