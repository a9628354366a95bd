import { HttpError } from '../../providers/http/http-error';
import { parseRetryAfter, withRetry } from '../../providers/http/retry';
import { youtubeRetry, type RetrySettings } from './upload-video';
import { fetchFor, requestSignal, type YoutubeConnection } from './youtube-connection';

/** Google's OAuth 2.0 token endpoint, where a refresh token is exchanged for an access token. */
export const DEFAULT_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export type RefreshCredentials = { readonly clientId: string; readonly clientSecret: string; readonly refreshToken: string; readonly tokenUrl: string };

const REFRESH_HELP =
	'make a new refresh token for this OAuth client (e.g. in https://developers.google.com/oauthplayground with "Use your own OAuth credentials", ' +
	'scopes youtube.upload and youtube.force-ssl) and put it in YOUTUBE_REFRESH_TOKEN; refresh tokens of apps in "Testing" expire after 7 days';

/** Exchanges a refresh token for an access token (grant_type=refresh_token); 5xx and dropped connections are retried. */
export const exchangeRefreshToken = async (
	credentials: RefreshCredentials,
	options: Omit<YoutubeConnection, 'token'> & RetrySettings = {},
): Promise<string> => {
	const once = async (): Promise<string> => {
		const response = await fetchFor({ token: '', ...options })(credentials.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				client_id: credentials.clientId,
				client_secret: credentials.clientSecret,
				refresh_token: credentials.refreshToken,
			}).toString(),
			redirect: 'manual',
			signal: requestSignal({ token: '', ...options, timeoutMs: options.timeoutMs ?? 30_000 }),
		});
		const text = await response.text().catch(() => '');
		let body: { access_token?: unknown; error?: unknown; error_description?: unknown } = {};
		try {
			body = JSON.parse(text) as typeof body;
		} catch {
			// not JSON: the status says enough
		}
		if (!response.ok) {
			const reason = [body.error, body.error_description].filter((part) => typeof part === 'string').join(': ');
			if (response.status === 400 || response.status === 401) {
				throw new HttpError(
					response.status,
					undefined,
					`getting an access token: Google refused the refresh token (HTTP ${response.status}${reason ? `, ${reason}` : ''}); ${REFRESH_HELP}`,
				);
			}
			throw new HttpError(
				response.status,
				parseRetryAfter(response.headers.get('retry-after')),
				`getting an access token: HTTP ${response.status} ${reason}`.trim(),
			);
		}
		if (typeof body.access_token !== 'string' || body.access_token === '')
			throw new Error('getting an access token: the token endpoint answered without an access_token');
		return body.access_token;
	};
	return withRetry(once, youtubeRetry(options));
};
