/** Why a provider call failed, as far as retrying is concerned. */
export type CallFailure = {
	/** HTTP status, when there was a response. */
	readonly status?: number;
	/** Seconds the server asked us to wait (Retry-After), when it did. */
	readonly retryAfterSeconds?: number;
	/** A timeout or a dropped connection, worth another try. */
	readonly transient?: boolean;
};

export type RetryOptions = {
	/** Tries after the first. */
	readonly retries: number;
	readonly baseDelayMs: number;
	readonly maxDelayMs: number;
	/** How a thrown error maps onto a failure; `null` means it is not worth retrying. */
	readonly classify: (error: unknown) => CallFailure | null;
	readonly sleep?: (ms: number) => Promise<void>;
	readonly onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
};

export const DEFAULT_RETRY = { retries: 4, baseDelayMs: 500, maxDelayMs: 20_000 } as const;

const isRetryable = (failure: CallFailure) =>
	failure.transient === true || failure.status === 408 || failure.status === 409 || failure.status === 429 || (failure.status ?? 0) >= 500;

/** Retry-After wins when the server sends one; otherwise the delay doubles per attempt. */
export const retryDelayMs = (failure: CallFailure, attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>): number => {
	if (failure.retryAfterSeconds !== undefined && Number.isFinite(failure.retryAfterSeconds) && failure.retryAfterSeconds >= 0) {
		return Math.min(failure.retryAfterSeconds * 1000, options.maxDelayMs * 3);
	}
	return Math.min(options.baseDelayMs * 2 ** attempt, options.maxDelayMs);
};

/** Parses a Retry-After header: seconds, or an HTTP date relative to `now`. */
export const parseRetryAfter = (value: string | null | undefined, now: number = Date.now()): number | undefined => {
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls `call` until it succeeds, a failure is not retryable, or the tries run out; throws the last error. */
export const withRetry = async <T>(call: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> => {
	const sleep = options.sleep ?? defaultSleep;
	for (let attempt = 0; ; attempt++) {
		try {
			return await call(attempt);
		} catch (error) {
			const failure = options.classify(error);
			if (!failure || !isRetryable(failure) || attempt >= options.retries) throw error;
			const delay = retryDelayMs(failure, attempt, options);
			options.onRetry?.(attempt + 1, delay, error);
			await sleep(delay);
		}
	}
};
