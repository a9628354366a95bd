import { HttpError } from '../../http/http-error';
import { parseRetryAfter } from '../../http/retry';

/**
 * A 429 Pexels answers when the key's quota is used up. Pexels' default quota is monthly (200 requests an hour,
 * 20,000 a month: https://www.pexels.com/api/documentation/ "Guidelines"), so a reset far away is not worth
 * waiting for: the retry policy sees no status and gives up at once, with the date in the message.
 */
export class PexelsQuotaError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PexelsQuotaError';
	}
}

/** The longest wait for a reset that is still worth retrying after (the retry policy's own cap is 60 s). */
const MAX_RESET_WAIT_SECONDS = 60;

/**
 * Seconds until the quota resets. Retry-After when the server sends one; else `X-Ratelimit-Reset`, which the
 * documentation ("Request Statistics") gives as the UNIX time the current period rolls over.
 */
const secondsToReset = (headers: Headers, now: number): { seconds: number; at?: number } | undefined => {
	const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
	if (retryAfter !== undefined) return { seconds: retryAfter };
	const reset = Number(headers.get('x-ratelimit-reset'));
	if (!headers.has('x-ratelimit-reset') || !Number.isFinite(reset)) return undefined;
	return { seconds: Math.max(0, reset - now / 1000), at: reset };
};

const failure = async (response: Response, what: string): Promise<Error> => {
	if (response.status === 429) {
		const reset = secondsToReset(response.headers, Date.now());
		if (reset && reset.seconds > MAX_RESET_WAIT_SECONDS) {
			const when = reset.at !== undefined ? new Date(reset.at * 1000).toISOString() : `${Math.ceil(reset.seconds)} s`;
			return new PexelsQuotaError(
				`${what}: HTTP 429, the Pexels API key's request quota is used up until ${when}; wait until then, or ask Pexels for a higher limit`,
			);
		}
		const base = await HttpError.from(response, what);
		return new HttpError(429, reset?.seconds ?? base.retryAfterSeconds, base.message);
	}
	if (response.status === 401 || response.status === 403) {
		const base = await HttpError.from(response, what);
		return new HttpError(response.status, undefined, `${base.message} (check PEXELS_API_KEY: Pexels wants the key itself as the Authorization header)`);
	}
	return HttpError.from(response, what);
};

/**
 * GETs a Pexels API path with the key as the `Authorization` header (the documentation's "Authorization": the
 * bare key, no "Bearer"), and reads JSON back. Non-2xx answers throw HttpError for the shared retry policy.
 */
export const getPexelsJson = async (url: URL, apiKey: string, timeoutMs: number): Promise<unknown> => {
	const what = `GET ${url.pathname}`;
	const response = await fetch(url, { headers: { authorization: apiKey, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
	if (!response.ok) throw await failure(response, what);
	const text = await response.text();
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new Error(`${what} answered something that is not JSON: ${text.slice(0, 200)}`);
	}
};

/** Downloads a photo or clip. The key is not sent: files live on Pexels' media hosts, which need none. */
export const downloadMedia = async (url: string, timeoutMs: number): Promise<Uint8Array> => {
	const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
	if (!response.ok) throw await HttpError.from(response, 'Pexels media download');
	return new Uint8Array(await response.arrayBuffer());
};
