import { InputError } from '../../schema/input-error';
import { DEFAULT_TOKEN_URL, type RefreshCredentials } from './oauth-token';
import { DEFAULT_UPLOAD_BASE } from './start-session';

const HOW_TO =
	'set YOUTUBE_ACCESS_TOKEN to an OAuth 2.0 access token with the scope https://www.googleapis.com/auth/youtube.upload, ' +
	'e.g. from Google\'s OAuth playground (https://developers.google.com/oauthplayground: pick "YouTube Data API v3 › youtube.upload", ' +
	'authorize, exchange the code, copy the access token) or `gcloud auth print-access-token --scopes=https://www.googleapis.com/auth/youtube.upload` ' +
	'after a gcloud login with that scope; tokens last about an hour (put it in .env or the environment). ' +
	'Or, to get a fresh one on every run, set YOUTUBE_CLIENT_ID, YOUTUBE_CLIENT_SECRET and YOUTUBE_REFRESH_TOKEN (an OAuth client and its refresh token)';

/** How to authorize: an access token as given, or a refresh token to exchange for one. */
export type YoutubeCredentials = { readonly kind: 'token'; readonly token: string } | ({ readonly kind: 'refresh' } & RefreshCredentials);

/**
 * The credentials and server to upload with. A complete client id/secret/refresh token wins (it never expires
 * mid-upload the way a pasted access token does); otherwise YOUTUBE_ACCESS_TOKEN. Missing both is bad input that says how to get one.
 */
export const readYoutubeEnv = (env: NodeJS.ProcessEnv): { credentials: YoutubeCredentials; baseUrl: string } => {
	const baseUrl = env.YOUTUBE_UPLOAD_URL?.trim() || DEFAULT_UPLOAD_BASE;
	const refresh = {
		YOUTUBE_CLIENT_ID: env.YOUTUBE_CLIENT_ID?.trim(),
		YOUTUBE_CLIENT_SECRET: env.YOUTUBE_CLIENT_SECRET?.trim(),
		YOUTUBE_REFRESH_TOKEN: env.YOUTUBE_REFRESH_TOKEN?.trim(),
	};
	const { YOUTUBE_CLIENT_ID: clientId, YOUTUBE_CLIENT_SECRET: clientSecret, YOUTUBE_REFRESH_TOKEN: refreshToken } = refresh;
	if (clientId && clientSecret && refreshToken) {
		const tokenUrl = env.YOUTUBE_TOKEN_URL?.trim() || DEFAULT_TOKEN_URL;
		return { credentials: { kind: 'refresh', clientId, clientSecret, refreshToken, tokenUrl }, baseUrl };
	}
	const token = env.YOUTUBE_ACCESS_TOKEN?.trim();
	if (token) return { credentials: { kind: 'token', token }, baseUrl };
	const given = Object.entries(refresh).filter(([, value]) => value);
	if (given.length > 0) {
		const missing = Object.keys(refresh).filter((name) => !refresh[name as keyof typeof refresh]);
		throw new InputError(
			'environment',
			missing.map((name) => ({
				path: name,
				message: `missing: the refresh-token login needs YOUTUBE_CLIENT_ID, YOUTUBE_CLIENT_SECRET and YOUTUBE_REFRESH_TOKEN together (or set YOUTUBE_ACCESS_TOKEN)`,
			})),
		);
	}
	throw new InputError('environment', [{ path: 'YOUTUBE_ACCESS_TOKEN', message: `missing: ${HOW_TO}` }]);
};
