import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRenderPageServer, type RenderPageServer } from '../src/pipeline/render/web/render-page-server';

type Reply = { readonly status: number; readonly headers: http.IncomingHttpHeaders; readonly body: string };

type RawRequest = {
	readonly path: string;
	readonly method?: string;
	/** The Host header sent; `null` sends none. The server's own host when left out. */
	readonly host?: string | null;
	readonly headers?: Record<string, string>;
	readonly body?: string;
};

const readReply = async (res: http.IncomingMessage): Promise<Reply> => {
	const chunks: Buffer[] = [];
	for await (const chunk of res) chunks.push(chunk as Buffer);
	return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') };
};

/** A request as written, with node:http: fetch() would normalise the path and will not send another Host. */
const openRequest = (server: RenderPageServer, { path: requestPath, method = 'GET', host, headers = {} }: RawRequest) => {
	const { host: ownHost, port } = new URL(server.origin);
	const hostHeader = host === undefined ? { host: ownHost } : host === null ? {} : { host };
	return http.request({ host: '127.0.0.1', port, method, path: requestPath, agent: false, setHost: false, headers: { ...hostHeader, ...headers } });
};

const send = async (server: RenderPageServer, request: RawRequest): Promise<Reply> => {
	const req = openRequest(server, request);
	const response = once(req, 'response') as Promise<[http.IncomingMessage]>;
	req.end(request.body);
	return readReply((await response)[0]);
};

const waitUntil = async (condition: () => Promise<boolean>, what: string) => {
	for (let attempt = 0; attempt < 200; attempt++) {
		if (await condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	throw new Error(`timed out waiting until ${what}`);
};

const exists = (file: string) =>
	stat(file).then(
		() => true,
		() => false,
	);

describe('the renderer page server', () => {
	let dir: string;
	let publicDir: string;
	let outside: string;
	const servers: RenderPageServer[] = [];
	const start = async (options: { bundle?: string | Uint8Array; maxUploadBytes?: number; publicDir?: string } = {}) => {
		const server = await startRenderPageServer({ bundle: 'console.log(1)', publicDir, ...options });
		servers.push(server);
		return server;
	};
	const tokenPath = (server: RenderPageServer, rest: string) => `${new URL(server.pageUrl).pathname}${rest}`;

	beforeAll(async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-serve-'));
		publicDir = path.join(dir, 'public');
		outside = path.join(dir, 'outside');
		await mkdir(path.join(publicDir, 'sub'), { recursive: true });
		await mkdir(outside);
		await writeFile(path.join(publicDir, 'a.png'), 'png bytes');
		await writeFile(path.join(publicDir, 'sub', 'b.wav'), 'wav bytes');
		await writeFile(path.join(outside, 'secret.txt'), 'secret');
		await symlink(path.join(outside, 'secret.txt'), path.join(publicDir, 'leak.png'));
		await symlink(outside, path.join(publicDir, 'leak-dir'));
		await symlink(path.join(publicDir, 'sub', 'b.wav'), path.join(publicDir, 'inner.wav'));
		await symlink('loop.png', path.join(publicDir, 'loop.png'));
	});
	afterEach(async () => {
		await Promise.all(servers.splice(0).map((server) => server.close()));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('puts a random token first in every URL and answers 404 without it', async () => {
		const server = await start();
		const other = await start();
		expect(server.pageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/$/);
		expect(server.pageUrl.startsWith(`${server.origin}/`)).toBe(true);
		expect(new URL(server.pageUrl).pathname).not.toBe(new URL(other.pageUrl).pathname);
		expect((await send(server, { path: tokenPath(server, 'a.png') })).status).toBe(200);
		for (const unauthorised of [
			'/',
			'/a.png',
			'/__reelsmith/bundle.js',
			tokenPath(other, 'a.png'),
			`/${'0'.repeat(32)}/a.png`,
			tokenPath(server, '').slice(0, -1),
		]) {
			expect([unauthorised, (await send(server, { path: unauthorised })).status]).toEqual([unauthorised, 404]);
		}
	});

	it('serves the page, which gives staticFile() the token, and the bundle held in memory', async () => {
		const bundle = new TextEncoder().encode('window.bundled = true;');
		const server = await start({ bundle });
		const token = new URL(server.pageUrl).pathname.slice(1, -1);
		const page = await send(server, { path: tokenPath(server, '') });
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(page.body).toContain(`<script>window.remotion_staticBase = '/${token}';</script>`);
		expect(page.body.indexOf('remotion_staticBase')).toBeLessThan(page.body.indexOf(`<script src="/${token}/__reelsmith/bundle.js">`));
		const script = await send(server, { path: tokenPath(server, '__reelsmith/bundle.js') });
		expect([script.status, script.headers['content-type'], script.body]).toEqual([200, 'text/javascript; charset=utf-8', 'window.bundled = true;']);
		const fromText = await start({ bundle: 'console.log("é")' });
		expect((await send(fromText, { path: tokenPath(fromText, '__reelsmith/bundle.js') })).body).toBe('console.log("é")');
		const head = await send(server, { path: tokenPath(server, ''), method: 'HEAD' });
		expect([head.status, head.headers['content-length'], head.body]).toEqual([200, String(Buffer.byteLength(page.body)), '']);
	});

	it('answers only Host 127.0.0.1:<port>, naming the refused host', async () => {
		const server = await start();
		const port = new URL(server.origin).port;
		for (const host of [`localhost:${port}`, `rebound.example:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`]) {
			const reply = await send(server, { path: tokenPath(server, 'a.png'), host });
			expect([reply.status, reply.body]).toEqual([403, expect.stringContaining(`"${host}"`)]);
		}
		// node:http itself refuses an HTTP/1.1 request with no Host at all
		expect((await send(server, { path: tokenPath(server, 'a.png'), host: null })).status).toBe(400);
		expect((await send(server, { path: tokenPath(server, 'a.png'), method: 'POST', host: `localhost:${port}` })).status).toBe(403);
	});

	it('answers 400 to a path that does not decode, and keeps serving', async () => {
		const server = await start();
		for (const bad of ['%', '%E0%A4%A', 'a%00.png']) expect((await send(server, { path: tokenPath(server, bad) })).status).toBe(400);
		expect((await send(server, { path: tokenPath(server, 'a.png') })).body).toBe('png bytes');
	});

	it('answers 500 to an unexpected failure (a symlink loop), and keeps serving', async () => {
		const server = await start();
		const reply = await send(server, { path: tokenPath(server, 'loop.png') });
		expect([reply.status, reply.body]).toEqual([500, expect.stringMatching(/ELOOP/)]);
		expect((await send(server, { path: tokenPath(server, 'a.png') })).body).toBe('png bytes');
	});

	it('serves only files whose real path is inside the public folder', async () => {
		const server = await start();
		for (const escape of [
			'../outside/secret.txt',
			'%2e%2e/outside/secret.txt',
			'sub/../../outside/secret.txt',
			'/etc/passwd',
			'leak.png',
			'leak-dir/secret.txt',
		]) {
			const reply = await send(server, { path: tokenPath(server, escape) });
			expect([escape, reply.status, reply.body.includes('secret\n')]).toEqual([escape, 403, false]);
		}
		expect((await send(server, { path: tokenPath(server, 'inner.wav') })).body).toBe('wav bytes');
		expect((await send(server, { path: tokenPath(server, 'sub/b.wav') })).headers['content-type']).toBe('audio/wav');
		expect((await send(server, { path: tokenPath(server, 'sub') })).status).toBe(404);
		expect((await send(server, { path: tokenPath(server, 'missing.png') })).status).toBe(404);
		expect((await send(server, { path: tokenPath(server, '__reelsmith/upload/1') })).status).toBe(404);
		const linkedFolder = path.join(dir, 'public-link');
		await symlink(publicDir, linkedFolder);
		const throughLink = await start({ publicDir: linkedFolder });
		expect((await send(throughLink, { path: tokenPath(throughLink, 'inner.wav') })).body).toBe('wav bytes');
		expect((await send(throughLink, { path: tokenPath(throughLink, 'leak.png') })).status).toBe(403);
		const missingFolder = await start({ publicDir: path.join(dir, 'nowhere') });
		expect((await send(missingFolder, { path: tokenPath(missingFolder, 'a.png') })).status).toBe(404);
	});

	it('serves byte ranges (206), refuses ones outside the file (416), and answers HEAD', async () => {
		const server = await start();
		const whole = await send(server, { path: tokenPath(server, 'a.png') });
		expect([whole.status, whole.headers['content-type'], whole.headers['accept-ranges'], whole.body]).toEqual([200, 'image/png', 'bytes', 'png bytes']);
		const part = await send(server, { path: tokenPath(server, 'a.png'), headers: { range: 'bytes=4-' } });
		expect([part.status, part.headers['content-range'], part.headers['content-length'], part.body]).toEqual([206, 'bytes 4-8/9', '5', 'bytes']);
		const tail = await send(server, { path: tokenPath(server, 'a.png'), headers: { range: 'bytes=-3' } });
		expect([tail.status, tail.body]).toEqual([206, 'tes']);
		const outsideFile = await send(server, { path: tokenPath(server, 'a.png'), headers: { range: 'bytes=20-30' } });
		expect([outsideFile.status, outsideFile.headers['content-range']]).toEqual([416, 'bytes */9']);
		const head = await send(server, { path: tokenPath(server, 'a.png'), method: 'HEAD' });
		expect([head.status, head.headers['content-length'], head.body]).toEqual([200, '9', '']);
	});

	it('takes a POST only on an expected upload path, once', async () => {
		const server = await start();
		const file = path.join(dir, 'once.bin');
		const upload = server.expectUpload(file);
		expect(upload.path).toBe(tokenPath(server, '__reelsmith/upload/1'));
		for (const stray of [tokenPath(server, '__reelsmith/upload/2'), tokenPath(server, ''), tokenPath(server, 'a.png'), '/__reelsmith/upload/1']) {
			expect([stray, (await send(server, { path: stray, method: 'POST', body: 'x' })).status]).toEqual([stray, 404]);
		}
		expect((await send(server, { path: upload.path, method: 'PUT', body: 'x' })).status).toBe(405);
		expect((await send(server, { path: upload.path, method: 'POST', body: 'video' })).status).toBe(200);
		await upload.received;
		expect(await readFile(file, 'utf8')).toBe('video');
		expect((await send(server, { path: upload.path, method: 'POST', body: 'again' })).status).toBe(404);
		expect(await readFile(file, 'utf8')).toBe('video');
	});

	it('answers 413 to a content-length over the cap before reading the body', async () => {
		const server = await start({ maxUploadBytes: 16 });
		const file = path.join(dir, 'declared.bin');
		const upload = server.expectUpload(file);
		const req = openRequest(server, { path: upload.path, method: 'POST', headers: { 'content-length': '17' } });
		req.on('error', () => {});
		req.flushHeaders();
		// no byte of the body is ever sent: the answer can only come from the header
		const reply = await readReply(((await once(req, 'response')) as [http.IncomingMessage])[0]);
		req.destroy();
		expect([reply.status, reply.body]).toEqual([413, expect.stringContaining('cap of 16 bytes')]);
		await expect(upload.received).rejects.toThrow(`the upload to ${file} is over its cap of 16 bytes`);
		expect(await exists(file)).toBe(false);
		expect((await send(server, { path: upload.path, method: 'POST', body: 'small' })).status).toBe(404);
	});

	it('cuts a chunked upload off with 413 once it passes the cap, and removes the partial file', async () => {
		const server = await start({ maxUploadBytes: 16 });
		const file = path.join(dir, 'chunked.bin');
		const upload = server.expectUpload(file);
		const req = openRequest(server, { path: upload.path, method: 'POST', headers: { 'transfer-encoding': 'chunked' } });
		req.on('error', () => {});
		const response = once(req, 'response') as Promise<[http.IncomingMessage]>;
		req.write('0123456789');
		await waitUntil(async () => (await stat(file).catch(() => null))?.size === 10, 'the first 10 bytes are on disk');
		req.write('0123456789');
		const reply = await readReply((await response)[0]);
		req.destroy();
		expect([reply.status, reply.body]).toEqual([413, expect.stringContaining('cap of 16 bytes')]);
		await expect(upload.received).rejects.toThrow('cap of 16 bytes');
		expect(await exists(file)).toBe(false);
		expect((await send(server, { path: tokenPath(server, 'a.png') })).status).toBe(200);
	});

	it('lets one upload raise the cap, and fails uploads still waiting when it closes', async () => {
		const server = await start({ maxUploadBytes: 4 });
		const file = path.join(dir, 'raised.bin');
		const raised = server.expectUpload(file, 100);
		expect((await send(server, { path: raised.path, method: 'POST', body: 'more than four' })).status).toBe(200);
		await raised.received;
		expect(await readFile(file, 'utf8')).toBe('more than four');
		expect(() => server.expectUpload(file, 0)).toThrow('positive whole number');
		const waiting = server.expectUpload(path.join(dir, 'never.bin'));
		await server.close();
		await expect(waiting.received).rejects.toThrow('closed before the upload');
	});
});
