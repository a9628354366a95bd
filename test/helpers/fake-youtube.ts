import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake does to the next request of a kind, instead of (or while) serving it. */
export type YoutubeFault =
	| { readonly kind: 'pass' }
	| { readonly kind: 'status'; readonly status: number; readonly headers?: Record<string, string> }
	/** Keeps only the first `keep` bytes of the chunk and says so in the 308's Range. */
	| { readonly kind: 'ack-less'; readonly keep: number }
	/** Keeps `after` bytes of the chunk, then destroys the socket without an answer. */
	| { readonly kind: 'drop'; readonly after: number }
	/** Forgets the session: this and every later request on it gets 404. */
	| { readonly kind: 'expire' };

export type FaultTarget = 'start' | 'chunk' | 'query' | 'thumbnail' | 'captions' | 'token';

/** The OAuth client the fake's token endpoint (POST /token) knows: it answers the refresh token with the fake's access token. */
export type FakeOauthClient = { readonly clientId: string; readonly clientSecret: string; readonly refreshToken: string };

/** thumbnails.set's documented limits: https://developers.google.com/youtube/v3/docs/thumbnails/set */
export const FAKE_THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;
const THUMBNAIL_TYPES = ['image/jpeg', 'image/png', 'application/octet-stream'];

export type FakeCaption = { readonly id: string; readonly snippet: Record<string, unknown>; readonly body: string };

/** The parts of a multipart/related body, each with its headers and content. */
const multipartParts = (body: Buffer, contentType: string): { headers: string; content: Buffer }[] | undefined => {
	const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
	if (!boundary) return undefined;
	const text = body.toString('latin1');
	const pieces = text.split(`--${boundary}`);
	if (pieces.length < 3 || !pieces[pieces.length - 1]!.startsWith('--')) return undefined;
	return pieces.slice(1, -1).map((piece) => {
		const trimmed = piece.replace(/^\r\n/, '').replace(/\r\n$/, '');
		const split = trimmed.indexOf('\r\n\r\n');
		return { headers: trimmed.slice(0, split), content: Buffer.from(trimmed.slice(split + 4), 'latin1') };
	});
};

export type YoutubeRequest = {
	readonly method: string;
	readonly path: string;
	readonly query: URLSearchParams;
	readonly headers: IncomingMessage['headers'];
	readonly kind: FaultTarget | 'other';
	readonly bodyLength: number;
	readonly json: unknown;
};

type Session = { readonly id: string; readonly total: number; readonly resource: unknown; bytes: Buffer };

/**
 * A local server speaking YouTube's resumable upload protocol: sessions keep the bytes they received,
 * chunks must continue where the session stands, and `fail` scripts drops, short acks, errors and expiry.
 */
export const startFakeYoutube = async (token: string, oauth?: FakeOauthClient) => {
	const requests: YoutubeRequest[] = [];
	const sessions = new Map<string, Session>();
	const faults: Record<FaultTarget, YoutubeFault[]> = { start: [], chunk: [], query: [], thumbnail: [], captions: [], token: [] };
	/** Thumbnails set, by video id (the last one wins, as on YouTube). */
	const thumbnails = new Map<string, Buffer>();
	const captions: FakeCaption[] = [];
	const videoIds = () => new Set([...sessions.values()].filter((s) => s.bytes.length === s.total).map((s) => `vid${s.id}`));
	let nextSession = 1;
	let url = '';

	const reply = (res: ServerResponse, status: number, headers: Record<string, string> = {}, body?: object) => {
		res.writeHead(status, { ...(body ? { 'content-type': 'application/json' } : {}), ...headers });
		res.end(body ? JSON.stringify(body) : '');
	};
	const error = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) =>
		reply(res, status, headers, { error: { code: status, message, errors: [{ reason: `fake${status}` }] } });
	const progress = (session: Session): Record<string, string> => (session.bytes.length > 0 ? { range: `bytes=0-${session.bytes.length - 1}` } : {});
	const finishedOr308 = (res: ServerResponse, session: Session) =>
		session.bytes.length === session.total
			? reply(res, 200, {}, { kind: 'youtube#video', id: `vid${session.id}`, ...(session.resource as object) })
			: reply(res, 308, progress(session));

	const readBody = async (req: IncomingMessage, limit?: number): Promise<Buffer> => {
		const chunks: Buffer[] = [];
		let length = 0;
		for await (const chunk of req) {
			chunks.push(chunk as Buffer);
			length += (chunk as Buffer).length;
			if (limit !== undefined && length >= limit) break;
		}
		const body = Buffer.concat(chunks);
		return limit === undefined ? body : body.subarray(0, limit);
	};

	const server = createServer(async (req, res) => {
		const parsed = new URL(req.url ?? '/', url);
		const contentRange = String(req.headers['content-range'] ?? '');
		const POSTS: Record<string, FaultTarget> = {
			'/token': 'token',
			'/upload/youtube/v3/thumbnails/set': 'thumbnail',
			'/upload/youtube/v3/captions': 'captions',
		};
		const kind: YoutubeRequest['kind'] =
			req.method === 'POST' ? (POSTS[parsed.pathname] ?? 'start') : req.method === 'PUT' ? (contentRange.startsWith('bytes */') ? 'query' : 'chunk') : 'other';
		const fault = kind === 'other' ? undefined : faults[kind].shift();
		const record = { method: req.method ?? '', path: parsed.pathname, query: parsed.searchParams, headers: req.headers, kind };

		if (fault?.kind === 'drop') {
			const socket = req.socket;
			const kept = await readBody(req, fault.after);
			requests.push({ ...record, bodyLength: kept.length, json: null });
			const session = sessions.get(parsed.searchParams.get('upload_id') ?? '');
			const start = Number(/^bytes (\d+)-/.exec(contentRange)?.[1] ?? NaN);
			if (session && start === session.bytes.length) session.bytes = Buffer.concat([session.bytes, kept]);
			socket.destroy();
			return;
		}
		const body = await readBody(req);
		let json: unknown = null;
		if (String(req.headers['content-type'] ?? '').includes('json') && body.length > 0) json = JSON.parse(body.toString('utf8'));
		requests.push({ ...record, bodyLength: body.length, json });

		if (kind === 'token') {
			if (fault?.kind === 'status') return reply(res, fault.status, fault.headers ?? {}, { error: 'backend_error' });
			const form = new URLSearchParams(body.toString('utf8'));
			if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') || form.get('grant_type') !== 'refresh_token') {
				return reply(res, 400, {}, { error: 'unsupported_grant_type' });
			}
			if (!oauth || form.get('client_id') !== oauth.clientId || form.get('client_secret') !== oauth.clientSecret) {
				return reply(res, 401, {}, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
			}
			if (form.get('refresh_token') !== oauth.refreshToken)
				return reply(res, 400, {}, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
			return reply(res, 200, {}, { access_token: token, expires_in: 3599, scope: 'https://www.googleapis.com/auth/youtube.upload', token_type: 'Bearer' });
		}
		if (req.headers.authorization !== `Bearer ${token}`) return error(res, 401, 'Invalid Credentials');
		if (fault?.kind === 'status') return error(res, fault.status, `scripted ${fault.status}`, fault.headers);

		if (kind === 'thumbnail') {
			const videoId = parsed.searchParams.get('videoId') ?? '';
			const type = String(req.headers['content-type'] ?? '')
				.split(';')[0]!
				.trim();
			if (!THUMBNAIL_TYPES.includes(type)) return error(res, 400, `thumbnails.set does not take ${type || 'a body without a type'}`);
			if (body.length === 0) return error(res, 400, 'mediaBodyRequired');
			if (body.length > FAKE_THUMBNAIL_MAX_BYTES) return error(res, 413, `thumbnail is ${body.length} bytes, over 2 MB`);
			if (!videoIds().has(videoId)) return error(res, 404, `videoNotFound ${videoId}`);
			thumbnails.set(videoId, body);
			return reply(res, 200, {}, { kind: 'youtube#thumbnailSetResponse', items: [{ default: { url: `${url}/vi/${videoId}/default.jpg` } }] });
		}
		if (kind === 'captions') {
			if (parsed.searchParams.get('uploadType') !== 'multipart' || parsed.searchParams.get('part') !== 'snippet')
				return error(res, 400, 'captions.insert wants uploadType=multipart&part=snippet');
			const parts = multipartParts(body, String(req.headers['content-type'] ?? ''));
			if (!String(req.headers['content-type'] ?? '').startsWith('multipart/related') || !parts || parts.length !== 2)
				return error(res, 400, 'not a multipart/related body of metadata and media');
			let resource: { snippet?: Record<string, unknown> } | undefined;
			try {
				resource = JSON.parse(parts[0]!.content.toString('utf8')) as typeof resource;
			} catch {
				return error(res, 400, 'the first part is not JSON');
			}
			const snippet = resource?.snippet;
			for (const field of ['videoId', 'language', 'name']) {
				if (typeof snippet?.[field] !== 'string' || snippet[field] === '') return error(res, 400, `required: snippet.${field}`);
			}
			if (!videoIds().has(String(snippet!.videoId))) return error(res, 404, `videoNotFound ${String(snippet!.videoId)}`);
			if (parts[1]!.content.length === 0) return error(res, 400, 'mediaBodyRequired');
			const caption = { id: `cap${captions.length + 1}`, snippet: snippet!, body: parts[1]!.content.toString('utf8') };
			captions.push(caption);
			return reply(res, 200, {}, { kind: 'youtube#caption', id: caption.id, snippet: caption.snippet });
		}
		if (kind === 'start') {
			if (parsed.pathname !== '/upload/youtube/v3/videos' || parsed.searchParams.get('uploadType') !== 'resumable')
				return error(res, 400, 'not a resumable upload');
			const total = Number(req.headers['x-upload-content-length']);
			if (!Number.isInteger(total) || total <= 0) return error(res, 400, 'bad X-Upload-Content-Length');
			const id = String(nextSession++);
			sessions.set(id, { id, total, resource: json, bytes: Buffer.alloc(0) });
			return reply(res, 200, { location: `${url}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${id}` });
		}
		const session = sessions.get(parsed.searchParams.get('upload_id') ?? '');
		if (fault?.kind === 'expire' && session) sessions.delete(session.id);
		if (!session || fault?.kind === 'expire') return error(res, 404, 'upload session not found');

		if (kind === 'query') {
			if (contentRange !== `bytes */${session.total}` || body.length > 0) return error(res, 400, `bad status query ${contentRange}`);
			return finishedOr308(res, session);
		}
		const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange);
		if (!match) return error(res, 400, `bad Content-Range ${contentRange}`);
		const [first, last, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
		if (total !== session.total || last - first + 1 !== body.length || last >= total) return error(res, 400, `Content-Range ${contentRange} does not fit`);
		if (first > session.bytes.length) return error(res, 400, `gap: chunk starts at ${first}, session holds ${session.bytes.length}`);
		const fresh = body.subarray(session.bytes.length - first);
		session.bytes = Buffer.concat([session.bytes, fault?.kind === 'ack-less' ? fresh.subarray(0, fault.keep) : fresh]);
		return finishedOr308(res, session);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		url,
		requests,
		sessions,
		thumbnails,
		captions,
		/** Scripts the next requests of a kind, in order; `pass` serves one normally. */
		fail(target: FaultTarget, ...next: YoutubeFault[]) {
			faults[target].push(...next);
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
};

export type FakeYoutube = Awaited<ReturnType<typeof startFakeYoutube>>;
