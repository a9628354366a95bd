/** Environment variables whose values must never be printed or written, by name. */
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|CREDENTIALS?)$/i;
/** Key shapes worth hiding even when they did not come from the environment. */
const KEY_SHAPES = [/\bsk-[A-Za-z0-9_-]{8,}/g, /\bAIza[0-9A-Za-z_-]{20,}/g, /\bya29\.[0-9A-Za-z_.-]{20,}/g];

export const secretValues = (env: NodeJS.ProcessEnv = process.env): string[] =>
	Object.entries(env)
		.filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.length >= 6)
		.map(([, value]) => value!)
		.sort((a, b) => b.length - a.length);

/**
 * A URL's query string, when it carries a signature or credentials (S3 pre-signed URLs: X-Amz-Signature,
 * X-Amz-Credential, X-Amz-Security-Token; Google's Signature/GoogleAccessId): whoever reads it could fetch the
 * object, or learn the session token. The URL up to the `?` is kept, so the asset is still named.
 */
const SIGNED_QUERY = /(\bhttps?:\/\/[^\s?"'<>]+)\?[^\s"'<>]*(?:X-Amz-|Signature=|GoogleAccessId=|sig=)[^\s"'<>]*/gi;

/** Drops the query string of every signed URL in `text`, keeping the URL that names the object. */
export const stripSignedQueries = (text: string): string => text.replace(SIGNED_QUERY, '$1?***');

/**
 * Replaces every secret from the environment, and anything shaped like an API key, with `***`; drops the
 * query string of signed URLs.
 */
export const redactSecrets = (text: string, env: NodeJS.ProcessEnv = process.env): string => {
	let redacted = stripSignedQueries(text);
	for (const secret of secretValues(env)) redacted = redacted.split(secret).join('***');
	for (const shape of KEY_SHAPES) redacted = redacted.replace(shape, '***');
	return redacted;
};
