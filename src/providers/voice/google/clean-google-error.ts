import { HttpError } from '../../http/http-error';
import { parseRetryAfter } from '../../http/retry';

/** gRPC status codes (used when the gRPC transport is chosen) as the HTTP statuses retries understand. */
const GRPC_AS_HTTP: Readonly<Record<number, number>> = { 3: 400, 4: 504, 5: 404, 7: 403, 8: 429, 13: 500, 14: 503, 16: 401 };

type SdkError = Error & { status?: unknown; code?: unknown; response?: { status?: unknown; headers?: unknown } };

/** Google's own words from a body like `{"error":{"message":…}}`. */
const detailOf = (message: string) => {
	try {
		const inner = (JSON.parse(message) as { error?: { message?: unknown } }).error?.message;
		if (typeof inner === 'string') return inner;
	} catch {
		// not JSON: the message is the detail
	}
	return message;
};

const headerOf = (headers: unknown, name: string): string | null => {
	if (headers instanceof Headers) return headers.get(name);
	const value = (headers as Record<string, unknown> | undefined)?.[name];
	return typeof value === 'string' ? value : null;
};

const isAbort = (error: unknown) => error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');

/**
 * The Google client's errors carry the request (headers with the API key or token included), so they are
 * replaced by plain ones that keep only what retrying and the person reading need: status, Retry-After, detail.
 */
export const cleanGoogleError = (error: unknown): Error => {
	if (!(error instanceof Error)) return new Error(`Google TTS failed: ${String(error)}`);
	const sdk = error as SdkError;
	const detail = detailOf(sdk.message).slice(0, 300);
	const status = typeof sdk.response?.status === 'number' ? sdk.response.status : typeof sdk.status === 'number' ? sdk.status : undefined;
	if (status !== undefined)
		return new HttpError(status, parseRetryAfter(headerOf(sdk.response?.headers, 'retry-after')), `Google TTS: HTTP ${status} ${detail}`);
	if (isAbort(sdk) || isAbort(sdk.cause)) return Object.assign(new Error('Google TTS: the request timed out'), { name: 'TimeoutError' });
	if (typeof sdk.code === 'string') return Object.assign(new Error(`Google TTS: ${detail}`), { code: sdk.code });
	const grpcStatus = typeof sdk.code === 'number' ? GRPC_AS_HTTP[sdk.code] : undefined;
	if (grpcStatus !== undefined) return new HttpError(grpcStatus, undefined, `Google TTS: ${detail}`);
	return new Error(`Google TTS: ${detail}`);
};
