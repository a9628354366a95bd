import { HttpError } from '../../providers/http/http-error';
import { parseRetryAfter } from '../../providers/http/retry';

const TOKEN_HELP =
	'get a fresh OAuth 2.0 access token with the scope https://www.googleapis.com/auth/youtube.upload ' +
	'(e.g. from https://developers.google.com/oauthplayground or gcloud auth print-access-token --scopes=…) and run again; the upload resumes where it stopped';

const reasonOf = (body: string): string => {
	try {
		const error = (JSON.parse(body) as { error?: { message?: unknown; errors?: { reason?: unknown }[] } }).error;
		const reason = error?.errors?.[0]?.reason;
		return [typeof reason === 'string' ? reason : '', typeof error?.message === 'string' ? error.message : ''].filter(Boolean).join(': ');
	} catch {
		return body.slice(0, 200);
	}
};

/** A non-2xx answer as an HttpError; 401/403 say what to do about the token, not just the status. */
export const youtubeHttpError = async (response: Response, what: string): Promise<HttpError> => {
	const body = await response.text().catch(() => '');
	const reason = reasonOf(body);
	if (response.status === 401 || response.status === 403) {
		const why = response.status === 401 ? 'the access token is invalid or has expired' : 'the access token may not upload (wrong scope, or the quota is spent)';
		return new HttpError(
			response.status,
			undefined,
			`${what}: YouTube refused the request (HTTP ${response.status}${reason ? `, ${reason}` : ''}): ${why}; ${TOKEN_HELP}`,
		);
	}
	return new HttpError(response.status, parseRetryAfter(response.headers.get('retry-after')), `${what}: HTTP ${response.status} ${reason}`.trim());
};
