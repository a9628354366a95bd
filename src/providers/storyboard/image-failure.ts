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
