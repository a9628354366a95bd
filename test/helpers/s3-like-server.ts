/*
 * A local stand-in for Amazon S3's REST API (path-style, no auth), for the parts a render uses: objects read
 * by pre-signed URLs from a browser. Behaviour follows AWS's public documentation:
 * - GetObject (Range; "Amazon S3 doesn't support retrieving multiple ranges of data per GET request"):
 *   https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 * - HeadObject (same as GET without a body; errors carry no body): https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
 * - PutObject: https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 * - Error responses (Content-Type: application/xml, <Error><Code>…; NoSuchKey, NoSuchBucket, InvalidRange 416,
 *   MethodNotAllowed 405), x-amz-request-id / x-amz-id-2 on every response:
 *   https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 *   https://docs.aws.amazon.com/AmazonS3/latest/dev/ErrorMessage.html
 * - CORS preflight (OPTIONS object) and rule matching (Origin must match AllowedOrigin, the method or
 *   Access-Control-Request-Method must be an AllowedMethod, requested headers must be allowed):
 *   https://docs.aws.amazon.com/AmazonS3/latest/API/RESTOPTIONSobject.html
 *   https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html
 * Ranges follow RFC 9110 §14 (https://www.rfc-editor.org/rfc/rfc9110.html#name-range), which GetObject refers to.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

/** One request the server answered: the path as sent (still percent-encoded, no query), its Range header. */
export type S3Request = {
	readonly method: string;
	readonly path: string;
	readonly range: string | null;
	readonly status: number;
};

export type S3LikeServer = {
	/** http://127.0.0.1:PORT */
	readonly origin: string;
	/** Stores an object (creating the bucket if needed). */
	put(bucket: string, key: string, body: Uint8Array, contentType: string): void;
	/** Uploads every file under `dir`, recursively, as `<prefix>/<relative path>`; returns the keys, sorted. */
	putFolder(bucket: string, prefix: string, dir: string): Promise<string[]>;
	remove(bucket: string, key: string): void;
	/** A path-style URL with a pre-signed-style (never verified) query string, the same for the same object. */
	url(bucket: string, key: string): string;
	readonly requests: S3Request[];
	close(): Promise<void>;
};

type StoredObject = { readonly body: Buffer; readonly contentType: string; readonly etag: string };

/** The bucket's CORS configuration: AllowedOrigin *, AllowedMethod GET/HEAD, AllowedHeader *, these ExposeHeaders. */
const CORS_METHODS = ['GET', 'HEAD'];
const CORS_EXPOSE_HEADERS = 'Content-Length, Content-Range, Accept-Ranges';
const LAST_MODIFIED = 'Wed, 01 Jan 2025 00:00:00 GMT';
const HOST_ID = 'bG9jYWwtczMtbGlrZS1zZXJ2ZXItaG9zdC1pZC1maXhlZC1mb3ItdGVzdHM=';
/** What S3 stores when a PUT names no Content-Type. */
const DEFAULT_PUT_TYPE = 'binary/octet-stream';

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'application/javascript',
	'.mjs': 'application/javascript',
	'.json': 'application/json',
	'.css': 'text/css',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.svg': 'image/svg+xml',
	'.wav': 'audio/wav',
	'.mp3': 'audio/mpeg',
	'.m4a': 'audio/mp4',
	'.mp4': 'video/mp4',
	'.map': 'application/json',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2',
};

export const contentTypeFor = (file: string): string => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

const md5Hex = (body: Buffer) => createHash('md5').update(body).digest('hex');

/** SigV4 URI encoding: everything but A-Z a-z 0-9 - . _ ~ is percent-encoded; `/` kept between key segments. */
const encodeKey = (key: string) =>
	key
		.split('/')
		.map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
		.join('/');

const xmlEscape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type ByteRange = { readonly start: number; readonly end: number };

/**
 * Reads a Range header against an object of `size` bytes: a single byte range, or 'unsatisfiable' (416), or null
 * (no range, a malformed one, or several: S3 then serves the whole object with 200).
 */
export const parseRange = (header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null => {
	if (header === undefined) return null;
	const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
	if (!match) return null;
	const [, first = '', last = ''] = match;
	if (first === '' && last === '') return null;
	if (first === '') {
		const suffix = Number(last);
		if (suffix === 0 || size === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(first);
	if (last !== '' && Number(last) < start) return null;
	if (start >= size) return 'unsatisfiable';
	return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
};

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
const listFiles = async (dir: string, relative = ''): Promise<string[]> => {
	const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
	const nested = await Promise.all(
		entries.map(async (entry) => {
			const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
			if (entry.isDirectory()) return listFiles(dir, child);
			return entry.isFile() ? [child] : [];
		}),
	);
	return nested.flat().sort();
};

export const startS3LikeServer = async (): Promise<S3LikeServer> => {
	const buckets = new Map<string, Map<string, StoredObject>>();
	const requests: S3Request[] = [];
	const sockets = new Set<Socket>();
	const requestIds = new WeakMap<IncomingMessage, string>();
	let requestCount = 0;

	const server = createServer((req, res) => {
		requestCount += 1;
		requestIds.set(req, requestCount.toString(16).toUpperCase().padStart(16, '0'));
		handle(req, res).catch((error: unknown) => {
			if (!res.headersSent) sendError(req, res, 500, 'InternalError', 'We encountered an internal error. Please try again.');
			else res.destroy(error instanceof Error ? error : undefined);
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	const rawPath = (req: IncomingMessage) => (req.url ?? '/').split('?')[0]!;

	/** Writes the head, with S3's per-request headers and the CORS headers, and records the request. */
	const writeHead = (req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string | number>) => {
		requests.push({ method: req.method ?? 'GET', path: rawPath(req), range: req.headers.range ?? null, status });
		res.writeHead(status, { 'x-amz-request-id': requestIds.get(req) ?? '', 'x-amz-id-2': HOST_ID, ...corsHeaders(req), ...headers });
	};

	/** The bucket's one CORS rule applies to requests with an Origin whose method is an AllowedMethod. */
	const corsHeaders = (req: IncomingMessage): Record<string, string> => {
		if (req.headers.origin === undefined || !CORS_METHODS.includes(req.method ?? '')) return {};
		return {
			'access-control-allow-origin': '*',
			'access-control-allow-methods': CORS_METHODS.join(', '),
			'access-control-expose-headers': CORS_EXPOSE_HEADERS,
			vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
		};
	};

	const sendError = (
		req: IncomingMessage,
		res: ServerResponse,
		status: number,
		code: string,
		message: string,
		extra: Record<string, string> = {},
		headers: Record<string, string> = {},
	) => {
		if (req.method === 'HEAD') {
			writeHead(req, res, status, headers);
			res.end();
			return;
		}
		const requestId = requestIds.get(req) ?? '';
		const fields = Object.entries(extra)
			.map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`)
			.join('');
		const body = Buffer.from(
			`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>${fields}<RequestId>${requestId}</RequestId><HostId>${HOST_ID}</HostId></Error>`,
		);
		writeHead(req, res, status, { 'content-type': 'application/xml', 'content-length': body.length, ...headers });
		res.end(body);
	};

	const readBody = async (req: IncomingMessage) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	};

	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const method = req.method ?? 'GET';
		// Read (or drain) the body first, so that an early answer never leaves an upload half-read.
		const body = await readBody(req);
		const [, rawBucket = '', ...rawKeyParts] = rawPath(req).split('/');
		let bucketName: string;
		let key: string;
		try {
			bucketName = decodeURIComponent(rawBucket);
			key = decodeURIComponent(rawKeyParts.join('/'));
		} catch {
			return sendError(req, res, 400, 'InvalidURI', "Couldn't parse the specified URI.");
		}

		if (method === 'OPTIONS') return preflight(req, res, bucketName);
		if (!['GET', 'HEAD', 'PUT'].includes(method)) {
			return sendError(
				req,
				res,
				405,
				'MethodNotAllowed',
				'The specified method is not allowed against this resource.',
				{ Method: method, ResourceType: 'OBJECT' },
				{ allow: 'GET, HEAD, PUT, OPTIONS' },
			);
		}
		const bucket = buckets.get(bucketName);
		if (bucketName === '' || key === '') {
			if (bucketName !== '' && !bucket) return sendError(req, res, 404, 'NoSuchBucket', 'The specified bucket does not exist.', { BucketName: bucketName });
			return sendError(req, res, 501, 'NotImplemented', 'A header you provided implies functionality that is not implemented.');
		}
		if (method === 'PUT') {
			if (!bucket) return sendError(req, res, 404, 'NoSuchBucket', 'The specified bucket does not exist.', { BucketName: bucketName });
			const stored = store(bucket, key, body, req.headers['content-type'] ?? DEFAULT_PUT_TYPE);
			writeHead(req, res, 200, { etag: stored.etag, 'content-length': 0 });
			return res.end();
		}
		if (!bucket) return sendError(req, res, 404, 'NoSuchBucket', 'The specified bucket does not exist.', { BucketName: bucketName });
		const object = bucket.get(key);
		if (!object) return sendError(req, res, 404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });

		const size = object.body.length;
		const range = parseRange(req.headers.range, size);
		if (range === 'unsatisfiable') {
			return sendError(
				req,
				res,
				416,
				'InvalidRange',
				'The requested range cannot be satisfied.',
				{ RangeRequested: req.headers.range ?? '', ActualObjectSize: String(size) },
				{ 'content-range': `bytes */${size}` },
			);
		}
		const common = { 'content-type': object.contentType, etag: object.etag, 'last-modified': LAST_MODIFIED, 'accept-ranges': 'bytes' };
		if (range) {
			const part = object.body.subarray(range.start, range.end + 1);
			writeHead(req, res, 206, { ...common, 'content-length': part.length, 'content-range': `bytes ${range.start}-${range.end}/${size}` });
			return method === 'HEAD' ? res.end() : res.end(part);
		}
		writeHead(req, res, 200, { ...common, 'content-length': size });
		return method === 'HEAD' ? res.end() : res.end(object.body);
	};

	/** OPTIONS object: 200 with the matching rule's headers, 403 when no rule matches, 400 without Origin. */
	const preflight = (req: IncomingMessage, res: ServerResponse, bucketName: string) => {
		const origin = req.headers.origin;
		const requestMethod = req.headers['access-control-request-method'];
		if (origin === undefined) return sendError(req, res, 400, 'BadRequest', 'Insufficient information. Origin request header needed.');
		if (requestMethod === undefined) return sendError(req, res, 400, 'BadRequest', 'Invalid Access-Control-Request-Method: null');
		if (!buckets.has(bucketName) || !CORS_METHODS.includes(requestMethod)) {
			return sendError(
				req,
				res,
				403,
				'AccessForbidden',
				"CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
				{ Method: requestMethod, ResourceType: 'OBJECT' },
			);
		}
		const requestHeaders = req.headers['access-control-request-headers'];
		writeHead(req, res, 200, {
			'access-control-allow-origin': '*',
			'access-control-allow-methods': CORS_METHODS.join(', '),
			'access-control-expose-headers': CORS_EXPOSE_HEADERS,
			vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
			...(requestHeaders === undefined ? {} : { 'access-control-allow-headers': requestHeaders }),
			'content-length': 0,
		});
		res.end();
	};

	const store = (bucket: Map<string, StoredObject>, key: string, body: Buffer, contentType: string): StoredObject => {
		const stored = { body, contentType, etag: `"${md5Hex(body)}"` };
		bucket.set(key, stored);
		return stored;
	};

	const bucketFor = (name: string) => {
		const existing = buckets.get(name);
		if (existing) return existing;
		const created = new Map<string, StoredObject>();
		buckets.set(name, created);
		return created;
	};

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;

	return {
		origin,
		requests,
		put(bucket, key, body, contentType) {
			store(bucketFor(bucket), key, Buffer.from(body), contentType);
		},
		async putFolder(bucket, prefix, dir) {
			const base = prefix.replace(/\/+$/, '');
			const files = await listFiles(dir);
			const keys: string[] = [];
			for (const file of files) {
				const key = base === '' ? file : `${base}/${file}`;
				store(bucketFor(bucket), key, await readFile(path.join(dir, file)), contentTypeFor(file));
				keys.push(key);
			}
			return keys;
		},
		remove(bucket, key) {
			buckets.get(bucket)?.delete(key);
		},
		url(bucket, key) {
			const signature = createHash('sha256').update(`${bucket}/${key}`).digest('hex');
			const query = [
				'X-Amz-Algorithm=AWS4-HMAC-SHA256',
				'X-Amz-Credential=ASIAEXAMPLELOCALS3ID%2F20250101%2Fus-east-1%2Fs3%2Faws4_request',
				'X-Amz-Date=20250101T000000Z',
				'X-Amz-Expires=86400',
				'X-Amz-SignedHeaders=host',
				'X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLELOCALSESSIONTOKEN%2F%2B%3D',
				`X-Amz-Signature=${signature}`,
			].join('&');
			return `${origin}/${encodeKey(bucket)}/${encodeKey(key)}?${query}`;
		},
		async close() {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const socket of sockets) socket.destroy();
			sockets.clear();
			await closed;
		},
	};
};
