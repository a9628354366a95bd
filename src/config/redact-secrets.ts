/** Environment variables whose values must never be printed or written, by name. */
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|CREDENTIALS?)$/i;
/** Key shapes worth hiding even when they did not come from the environment. */
const KEY_SHAPES = [/\bsk-[A-Za-z0-9_-]{8,}/g, /\bAIza[0-9A-Za-z_-]{20,}/g, /\bya29\.[0-9A-Za-z_.-]{20,}/g];

export const secretValues = (env: NodeJS.ProcessEnv = process.env): string[] =>
	Object.entries(env)
		.filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.length >= 6)
		.map(([, value]) => value!)
		.sort((a, b) => b.length - a.length);

/** Replaces every secret from the environment, and anything shaped like an API key, with `***`. */
export const redactSecrets = (text: string, env: NodeJS.ProcessEnv = process.env): string => {
	let redacted = text;
	for (const secret of secretValues(env)) redacted = redacted.split(secret).join('***');
	for (const shape of KEY_SHAPES) redacted = redacted.replace(shape, '***');
	return redacted;
};
