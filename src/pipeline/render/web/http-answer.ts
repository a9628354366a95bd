import type { ServerResponse } from 'node:http';

/** Ends `res` with a plain-text `message` (never sniffed as HTML, since it may echo what the client sent). */
export const answer = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void => {
	const body = Buffer.from(`${message}\n`);
	res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length, 'x-content-type-options': 'nosniff', ...headers });
	res.end(body);
};

/** Ends `res` with bytes held in memory (the page, the bundle); HEAD gets the headers only. */
export const sendBytes = (method: string | undefined, res: ServerResponse, bytes: Uint8Array, type: string): void => {
	res.writeHead(200, { 'content-type': type, 'content-length': bytes.byteLength, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
	res.end(method === 'HEAD' ? undefined : bytes);
};

/** What an unexpected error in a request handler answers: a 500 if nothing was sent yet, else a cut connection. */
export const failRequest = (res: ServerResponse, error: unknown): void => {
	if (res.headersSent) {
		res.destroy();
		return;
	}
	answer(res, 500, `the render page server failed: ${error instanceof Error ? error.message : String(error)}`, { connection: 'close' });
};
