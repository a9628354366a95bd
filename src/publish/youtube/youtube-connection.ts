/** What every call to the upload endpoint needs: the OAuth token and how to reach the server. */
export type YoutubeConnection = {
	readonly token: string;
	readonly fetch?: typeof fetch;
	/** Per request; a chunk on a slow line takes a while, so the default is generous. */
	readonly timeoutMs?: number;
	/** Aborting stops the upload between or during requests; the saved session stays for the next run. */
	readonly signal?: AbortSignal;
};

export const DEFAULT_TIMEOUT_MS = 300_000;

/** The caller's abort and a per-request timeout (a TimeoutError, which retrying treats as transient). */
export const requestSignal = (connection: YoutubeConnection): AbortSignal => {
	const timeout = AbortSignal.timeout(connection.timeoutMs ?? DEFAULT_TIMEOUT_MS);
	return connection.signal ? AbortSignal.any([connection.signal, timeout]) : timeout;
};

export const fetchFor = (connection: YoutubeConnection): typeof fetch => connection.fetch ?? fetch;
