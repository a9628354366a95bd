import { parseRetryAfter, type CallFailure } from './retry';

/** A non-2xx answer from a provider called over plain HTTP. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly retryAfterSeconds: number | undefined,
		message: string,
	) {
		super(message);
		this.name = 'HttpError';
	}

	static async from(response: Response, what: string): Promise<HttpError> {
		const body = (await response.text().catch(() => '')).slice(0, 300);
		return new HttpError(response.status, parseRetryAfter(response.headers.get('retry-after')), `${what}: HTTP ${response.status} ${body}`.trim());
	}
}

const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);

/** Retry classification for fetch-based clients: HTTP errors by status, timeouts and dropped sockets as transient. */
export const classifyHttpError = (error: unknown): CallFailure | null => {
	if (error instanceof HttpError)
		return { status: error.status, ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
	if (error instanceof Error) {
		if (error.name === 'TimeoutError' || error.name === 'AbortError') return { transient: true };
		const code = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
		if (code && TRANSIENT_CODES.has(code)) return { transient: true };
	}
	return null;
};
