import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, with its body read (JSON parsed when it is JSON). */
export type RecordedRequest = {
	readonly method: string;
	readonly path: string;
	/** The query string's parameters. */
	readonly query: URLSearchParams;
	readonly headers: IncomingMessage['headers'];
	readonly body: Buffer;
	readonly json: unknown;
};

/** What a route answers: a status, headers and a body; `hang` never answers (for timeouts). */
export type FakeReply = {
	readonly status?: number;
	readonly headers?: Record<string, string>;
	readonly body?: string | Buffer | object;
	readonly hang?: boolean;
};

export type FakeRoute = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

/**
 * A local server on 127.0.0.1 for testing providers with their real SDKs. Routes are keyed by
 * "METHOD /path" (query string ignored); `queue` scripts the next answers of a route (e.g. a 429, then
 * the real handler). Every request is recorded for assertions.
 */
export const startFakeServer = async (routes: Record<string, FakeRoute>) => {
	const requests: RecordedRequest[] = [];
	const queued = new Map<string, FakeReply[]>();
	const hanging = new Set<ServerResponse>();
	const server = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks);
		let json: unknown = null;
		try {
			json = body.length > 0 && String(req.headers['content-type'] ?? '').includes('json') ? JSON.parse(body.toString('utf8')) : null;
		} catch {
			json = null;
		}
		const [path, search = ''] = (req.url ?? '/').split('?') as [string, string?];
		const recorded: RecordedRequest = { method: req.method ?? 'GET', path, query: new URLSearchParams(search), headers: req.headers, body, json };
		requests.push(recorded);
		const key = `${recorded.method} ${path}`;
		const next = queued.get(key)?.shift();
		const route = routes[key];
		const reply: FakeReply = next ?? (route ? await route(recorded) : { status: 404, body: { error: { message: `no fake route for ${key}` } } });
		if (reply.hang) {
			hanging.add(res);
			return;
		}
		const payload = reply.body === undefined ? '' : typeof reply.body === 'string' || Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body);
		const contentType = typeof reply.body === 'object' && !Buffer.isBuffer(reply.body) ? { 'content-type': 'application/json' } : {};
		res.writeHead(reply.status ?? 200, { ...contentType, ...reply.headers });
		res.end(payload);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		/** The next answers of a route, before its handler is used again. */
		queue(key: string, ...replies: FakeReply[]) {
			queued.set(key, [...(queued.get(key) ?? []), ...replies]);
		},
		async close() {
			for (const res of hanging) res.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
};

export type FakeServer = Awaited<ReturnType<typeof startFakeServer>>;
