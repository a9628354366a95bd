import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { JobQueue } from '../jobs/job-queue';
import { ServiceError } from '../jobs/service-error';
import type { VideoService } from '../jobs/video-service';
import { openApiDocument } from './openapi';
import { ROUTES, type Route } from './routes';
import { requestToken, sameToken } from './session-cookie';

/** A request body is JSON of at most this many bytes (an article is at most 1 MiB). */
const MAX_BODY_BYTES = 2 * 2 ** 20;

const compile = (route: Route) => {
	const names: string[] = [];
	const pattern = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
		names.push(name);
		return name === 'path' ? '(.+)' : '([^/]+)';
	});
	return { route, names, regex: new RegExp(`^${pattern}$`) };
};

const COMPILED = ROUTES.map(compile);

const readJson = (req: IncomingMessage): Promise<unknown> =>
	new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new ServiceError(413, `the body is over ${MAX_BODY_BYTES / 2 ** 20} MiB; send a shorter article or script`));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			if (text.trim() === '') return resolve({});
			try {
				resolve(JSON.parse(text));
			} catch (error) {
				reject(
					new ServiceError(400, `the body is not JSON: ${(error as Error).message}`, [{ path: '(body)', message: `not JSON: ${(error as Error).message}` }]),
				);
			}
		});
		req.on('error', reject);
	});

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
	res.end(text);
};

export type ApiServerOptions = {
	readonly service: VideoService;
	readonly queue: JobQueue;
	/** REELSMITH_API_TOKEN: when set, every /api request must send it as a Bearer token. */
	readonly token?: string;
	/** Serves anything not under /api (the scene board); false when it has not answered. */
	readonly serveOther?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
	readonly log?: (line: string) => void;
};

/**
 * The REST API over node:http: routes from one table (routes.ts, also the OpenAPI document), JSON in and out, every
 * refusal a 4xx with a message and its problems, an unexpected error a 500 with a message and no stack.
 */
export const createApiServer = ({ service, queue, token, serveOther, log = (line) => process.stderr.write(`${line}\n`) }: ApiServerOptions): Server => {
	const document = openApiDocument(ROUTES);
	return createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const handle = async () => {
			if (!url.pathname.startsWith('/api/')) {
				if (serveOther && (await serveOther(req, res))) return;
				throw new ServiceError(404, `no page ${url.pathname}; the API is under /api (see /api/openapi.json)`);
			}
			const matches = COMPILED.map((c) => ({ c, m: c.regex.exec(url.pathname) })).filter((x) => x.m);
			const found = matches.find((x) => x.c.route.method === req.method || (req.method === 'HEAD' && x.c.route.method === 'GET'));
			const given = requestToken(req);
			if (token && !found?.c.route.public && !(given && sameToken(given, token))) {
				throw new ServiceError(401, 'send the server token: Authorization: Bearer $REELSMITH_API_TOKEN (the board asks for it and keeps it in a cookie)');
			}
			if (url.pathname === '/api/openapi.json' && req.method === 'GET') return sendJson(res, 200, document);
			if (!found) {
				if (matches.length > 0) {
					res.setHeader('allow', matches.map((x) => x.c.route.method).join(', '));
					throw new ServiceError(405, `${req.method} is not allowed on ${url.pathname}; use ${matches.map((x) => x.c.route.method).join(' or ')}`);
				}
				throw new ServiceError(404, `no route ${req.method} ${url.pathname}; see /api/openapi.json`);
			}
			const params = Object.fromEntries(found.c.names.map((name, i) => [name, decodeURIComponent(found.m![i + 1]!)]));
			const answer = await found.c.route.handler({ req, res, params, body: () => readJson(req), service, queue, token });
			if (answer) sendJson(res, answer.status, answer.body);
		};
		handle().catch((error: unknown) => {
			if (res.headersSent) return res.end();
			if (error instanceof ServiceError) return sendJson(res, error.status, { error: error.message, problems: error.problems });
			log(`serve: ${req.method} ${url.pathname} failed: ${(error as Error)?.message ?? String(error)}`);
			sendJson(res, 500, { error: `the server failed: ${(error as Error)?.message ?? String(error)}`, problems: [] });
		});
	});
};
