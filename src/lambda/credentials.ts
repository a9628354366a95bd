import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../schema/input-error';

/** Where Remotion Lambda takes its AWS credentials from, in its own order of preference. */
export type CredentialSource =
	| { readonly kind: 'keys'; readonly idVariable: string; readonly secretVariable: string }
	| { readonly kind: 'profile'; readonly variable: string; readonly profile: string }
	| { readonly kind: 'default-profile'; readonly file: string };

const set = (env: NodeJS.ProcessEnv, name: string) => (env[name]?.trim() ?? '') !== '';

const KEY_PAIRS = [
	{ profile: 'REMOTION_AWS_PROFILE', id: 'REMOTION_AWS_ACCESS_KEY_ID', secret: 'REMOTION_AWS_SECRET_ACCESS_KEY' },
	{ profile: 'AWS_PROFILE', id: 'AWS_ACCESS_KEY_ID', secret: 'AWS_SECRET_ACCESS_KEY' },
] as const;

const HOW_TO = 'see docs/lambda.md, "IAM setup", for the user and its key';

const sharedCredentialsFile = (env: NodeJS.ProcessEnv) =>
	env.AWS_SHARED_CREDENTIALS_FILE?.trim() || path.join(env.HOME?.trim() || os.homedir(), '.aws', 'credentials');

const hasDefaultProfile = (file: string) => {
	try {
		return readFileSync(file, 'utf8').includes('[default]');
	} catch {
		return false;
	}
};

/**
 * Checked before any AWS call, so a missing key is reported by the variable to set, not by an SDK stack.
 * Half a key pair names the missing half.
 */
export const requireCredentials = (env: NodeJS.ProcessEnv = process.env): CredentialSource => {
	for (const pair of KEY_PAIRS) {
		if (set(env, pair.profile)) return { kind: 'profile', variable: pair.profile, profile: env[pair.profile]!.trim() };
		const id = set(env, pair.id);
		const secret = set(env, pair.secret);
		if (id && secret) return { kind: 'keys', idVariable: pair.id, secretVariable: pair.secret };
		if (id !== secret) {
			const missing = id ? pair.secret : pair.id;
			const present = id ? pair.id : pair.secret;
			throw new InputError('environment', [
				{ path: missing, message: `${present} is set but ${missing} is not; set ${missing} in the environment or .env (${HOW_TO})` },
			]);
		}
	}
	const file = sharedCredentialsFile(env);
	if (hasDefaultProfile(file)) return { kind: 'default-profile', file };
	throw new InputError('environment', [
		{
			path: 'REMOTION_AWS_ACCESS_KEY_ID',
			message: `no AWS credentials; set REMOTION_AWS_ACCESS_KEY_ID and REMOTION_AWS_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE) in the environment or .env; ${HOW_TO}`,
		},
	]);
};

const describeSource = (source: CredentialSource): Variables =>
	source.kind === 'keys'
		? { id: source.idVariable, secret: source.secretVariable }
		: source.kind === 'profile'
			? { id: source.variable, secret: source.variable }
			: { id: source.file, secret: source.file };

type Variables = { readonly id: string; readonly secret: string };
type Explanation = { readonly variable: string; readonly message: string };

const unknownKey = (s: Variables): Explanation => ({
	variable: s.id,
	message: `AWS does not know the access key in ${s.id}; set ${s.id} to the access key ID of the IAM user (${HOW_TO})`,
});
const expired = (s: Variables): Explanation => ({
	variable: s.id,
	message: `the session token used with ${s.id} has expired; renew it, or use a long-lived key pair in ${s.id} and ${s.secret}`,
});
const denied = (): Explanation => ({
	variable: 'IAM policy',
	message:
		'the IAM user lacks a permission Remotion Lambda needs; attach the policy from `npx remotion lambda policies user` and check it with `npx remotion lambda policies validate`',
});

/** AWS error names that mean the credentials themselves are wrong, and what to fix. */
const AUTH_ERRORS: Readonly<Record<string, (s: Variables) => Explanation>> = {
	InvalidClientTokenId: unknownKey,
	InvalidAccessKeyId: unknownKey,
	UnrecognizedClientException: (s) => ({
		variable: s.id,
		message: `AWS does not recognise the credentials in ${s.id}; set ${s.id} and ${s.secret} to a key pair of the IAM user (${HOW_TO})`,
	}),
	SignatureDoesNotMatch: (s) => ({
		variable: s.secret,
		message: `the secret in ${s.secret} does not belong to the access key in ${s.id}; set ${s.secret} to that key's secret access key`,
	}),
	ExpiredToken: expired,
	ExpiredTokenException: expired,
	AccessDenied: denied,
	AccessDeniedException: denied,
};

const errorName = (error: unknown): string | undefined => {
	const e = error as { name?: unknown; Code?: unknown; code?: unknown };
	for (const candidate of [e?.name, e?.Code, e?.code]) if (typeof candidate === 'string' && candidate in AUTH_ERRORS) return candidate;
	const message = error instanceof Error ? error.message : '';
	return Object.keys(AUTH_ERRORS).find((name) => message.includes(name));
};

/** An AWS authentication error as bad input that names the variable to fix; any other error unchanged. */
export const explainAwsError = (error: unknown, env: NodeJS.ProcessEnv = process.env): unknown => {
	const name = errorName(error);
	if (!name) return error;
	let source: CredentialSource;
	try {
		source = requireCredentials(env);
	} catch {
		return error;
	}
	const { variable, message } = AUTH_ERRORS[name]!(describeSource(source));
	return new InputError('AWS', [{ path: variable, message: `${name}: ${message}` }]);
};
