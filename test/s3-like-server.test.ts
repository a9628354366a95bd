import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startS3LikeServer, type S3LikeServer } from './helpers/s3-like-server';
import { makeTempDir } from './helpers/temp-dir';

const BUCKET = 'rehearsal-bucket';
/** 0..99, so that byte i has value i and ranges are easy to check. */
const AUDIO = Uint8Array.from({ length: 100 }, (_, i) => i);
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
const bytesOf = async (response: Response) => [...new Uint8Array(await response.arrayBuffer())];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('S3-like test server', () => {
	let s3: S3LikeServer;

	beforeAll(async () => {
		s3 = await startS3LikeServer();
		s3.put(BUCKET, 'renders/abc/audio.wav', AUDIO, 'audio/wav');
	});

	afterAll(async () => {
		await s3.close();
	});

	it('serves an object with 200, its bytes and S3 headers', async () => {
		const response = await fetch(`${s3.origin}/${BUCKET}/renders/abc/audio.wav`);
		expect(response.status).toBe(200);
		expect(await bytesOf(response)).toEqual(range(0, 99));
		expect(response.headers.get('content-type')).toBe('audio/wav');
		expect(response.headers.get('content-length')).toBe('100');
		expect(response.headers.get('etag')).toBe(`"${md5(AUDIO)}"`);
		expect(response.headers.get('last-modified')).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
		expect(response.headers.get('accept-ranges')).toBe('bytes');
		expect(response.headers.get('x-amz-request-id')).toMatch(/^[0-9A-F]{16}$/);
	});

	it('builds deterministic pre-signed-style URLs and ignores their query', async () => {
		const url = s3.url(BUCKET, 'renders/abc/audio.wav');
		expect(url).toBe(s3.url(BUCKET, 'renders/abc/audio.wav'));
		const parsed = new URL(url);
		expect(parsed.origin).toBe(s3.origin);
		expect(parsed.pathname).toBe(`/${BUCKET}/renders/abc/audio.wav`);
		expect([...parsed.searchParams.keys()]).toEqual([
			'X-Amz-Algorithm',
			'X-Amz-Credential',
			'X-Amz-Date',
			'X-Amz-Expires',
			'X-Amz-SignedHeaders',
			'X-Amz-Security-Token',
			'X-Amz-Signature',
		]);
		expect(parsed.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
		expect(parsed.searchParams.get('X-Amz-Expires')).toBe('86400');
		expect(parsed.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
		expect(parsed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
		expect(s3.url(BUCKET, 'other.wav')).not.toBe(url);

		const response = await fetch(url);
		expect(response.status).toBe(200);
		expect(await bytesOf(response)).toEqual(range(0, 99));
		const last = s3.requests.at(-1);
		expect(last).toEqual({ method: 'GET', path: `/${BUCKET}/renders/abc/audio.wav`, range: null, status: 200 });
	});

	it.each([
		['bytes=10-19', 10, 19],
		['bytes=90-', 90, 99],
		['bytes=-5', 95, 99],
		['bytes=95-500', 95, 99],
		['bytes=-500', 0, 99],
	])('answers Range %s with 206 and the bytes asked for', async (header, from, to) => {
		const response = await fetch(s3.url(BUCKET, 'renders/abc/audio.wav'), { headers: { range: header } });
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe(`bytes ${from}-${to}/100`);
		expect(response.headers.get('content-length')).toBe(String(to - from + 1));
		expect(response.headers.get('content-type')).toBe('audio/wav');
		expect(await bytesOf(response)).toEqual(range(from, to));
		expect(s3.requests.at(-1)).toMatchObject({ method: 'GET', range: header, status: 206 });
	});

	it('serves the whole object with 200 for several ranges, which S3 does not support', async () => {
		const response = await fetch(s3.url(BUCKET, 'renders/abc/audio.wav'), { headers: { range: 'bytes=0-1,5-6' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-range')).toBeNull();
		expect(await bytesOf(response)).toEqual(range(0, 99));
	});

	it('answers a range past the end with 416 InvalidRange', async () => {
		const response = await fetch(s3.url(BUCKET, 'renders/abc/audio.wav'), { headers: { range: 'bytes=100-' } });
		expect(response.status).toBe(416);
		expect(response.headers.get('content-type')).toBe('application/xml');
		const text = await response.text();
		expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
		expect(text).toContain('<Code>InvalidRange</Code>');
		expect(text).toContain('<ActualObjectSize>100</ActualObjectSize>');
	});

	it('answers a missing key with 404 NoSuchKey XML naming the key', async () => {
		const response = await fetch(s3.url(BUCKET, 'renders/abc/missing.png'));
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toBe('application/xml');
		const text = await response.text();
		expect(text).toMatch(
			/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchKey<\/Code><Message>The specified key does not exist\.<\/Message><Key>renders\/abc\/missing\.png<\/Key><RequestId>[0-9A-F]{16}<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/,
		);
		expect(text).toContain(`<RequestId>${response.headers.get('x-amz-request-id')}</RequestId>`);
	});

	it('answers a missing bucket with 404 NoSuchBucket', async () => {
		const response = await fetch(s3.url('no-such-bucket', 'a.wav'));
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('<Code>NoSuchBucket</Code>');
	});

	it('answers HEAD with the GET headers and no body, and a missing key with a bare 404', async () => {
		const response = await fetch(s3.url(BUCKET, 'renders/abc/audio.wav'), { method: 'HEAD' });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-length')).toBe('100');
		expect(response.headers.get('content-type')).toBe('audio/wav');
		expect(response.headers.get('etag')).toBe(`"${md5(AUDIO)}"`);
		expect(response.headers.get('accept-ranges')).toBe('bytes');

		const missing = await fetch(s3.url(BUCKET, 'renders/abc/missing.wav'), { method: 'HEAD' });
		expect(missing.status).toBe(404);
		expect(missing.headers.get('content-type')).toBeNull();
		expect(missing.headers.get('content-length')).toBeNull();
		expect(s3.requests.at(-1)).toMatchObject({ method: 'HEAD', status: 404 });
	});

	it('stores a PUT body with its Content-Type, then serves it', async () => {
		const body = new TextEncoder().encode('{"ok":true}');
		const put = await fetch(s3.url(BUCKET, 'renders/abc/progress.json'), { method: 'PUT', body, headers: { 'content-type': 'application/json' } });
		expect(put.status).toBe(200);
		expect(put.headers.get('etag')).toBe(`"${md5(body)}"`);

		const get = await fetch(s3.url(BUCKET, 'renders/abc/progress.json'));
		expect(get.status).toBe(200);
		expect(get.headers.get('content-type')).toBe('application/json');
		expect(await get.text()).toBe('{"ok":true}');

		s3.remove(BUCKET, 'renders/abc/progress.json');
		expect((await fetch(s3.url(BUCKET, 'renders/abc/progress.json'))).status).toBe(404);
	});

	it('decodes keys with spaces and Chinese characters', async () => {
		const key = 'renders/abc/配音 第一段.mp3';
		s3.put(BUCKET, key, Uint8Array.from([1, 2, 3]), 'audio/mpeg');
		const url = s3.url(BUCKET, key);
		expect(new URL(url).pathname).toBe(`/${BUCKET}/renders/abc/%E9%85%8D%E9%9F%B3%20%E7%AC%AC%E4%B8%80%E6%AE%B5.mp3`);
		const response = await fetch(url);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('audio/mpeg');
		expect(await bytesOf(response)).toEqual([1, 2, 3]);

		const missing = await fetch(s3.url(BUCKET, 'renders/abc/配音 第二段.mp3'));
		expect(await missing.text()).toContain('<Key>renders/abc/配音 第二段.mp3</Key>');
	});

	it('adds the CORS headers to GET and HEAD requests that carry an Origin', async () => {
		const withOrigin = await fetch(s3.url(BUCKET, 'renders/abc/audio.wav'), { headers: { origin: 'http://localhost:3000', range: 'bytes=0-0' } });
		expect(withOrigin.status).toBe(206);
		expect(withOrigin.headers.get('access-control-allow-origin')).toBe('*');
		expect(withOrigin.headers.get('access-control-expose-headers')).toBe('Content-Length, Content-Range, Accept-Ranges');

		const missing = await fetch(s3.url(BUCKET, 'renders/abc/missing.wav'), { headers: { origin: 'http://localhost:3000' } });
		expect(missing.status).toBe(404);
		expect(missing.headers.get('access-control-allow-origin')).toBe('*');

		const without = await fetch(s3.url(BUCKET, 'renders/abc/audio.wav'));
		expect(without.headers.get('access-control-allow-origin')).toBeNull();
	});

	it('answers a preflight for GET with 200, echoing the requested headers, and refuses other methods', async () => {
		const preflight = await fetch(s3.url(BUCKET, 'renders/abc/audio.wav'), {
			method: 'OPTIONS',
			headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET', 'access-control-request-headers': 'range, x-custom' },
		});
		expect(preflight.status).toBe(200);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
		expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
		expect(preflight.headers.get('access-control-allow-headers')).toBe('range, x-custom');
		expect(preflight.headers.get('access-control-expose-headers')).toBe('Content-Length, Content-Range, Accept-Ranges');

		const forPut = await fetch(s3.url(BUCKET, 'renders/abc/audio.wav'), {
			method: 'OPTIONS',
			headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'PUT' },
		});
		expect(forPut.status).toBe(403);
		expect(forPut.headers.get('access-control-allow-origin')).toBeNull();
		expect(await forPut.text()).toContain('<Code>AccessForbidden</Code>');
	});

	it('answers other methods with 405 MethodNotAllowed', async () => {
		const response = await fetch(s3.url(BUCKET, 'renders/abc/audio.wav'), { method: 'DELETE' });
		expect(response.status).toBe(405);
		expect(await response.text()).toContain('<Code>MethodNotAllowed</Code>');
		expect((await fetch(s3.url(BUCKET, 'renders/abc/audio.wav'))).status).toBe(200);
	});

	it('uploads a folder recursively with content types from the extensions', async () => {
		const dir = await makeTempDir('s3-like-site-');
		await mkdir(path.join(dir, 'static', 'js'), { recursive: true });
		await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>site</title>');
		await writeFile(path.join(dir, 'static', 'js', 'bundle.js'), 'console.log(1);');
		await writeFile(path.join(dir, 'static', 'poster.jpeg'), Buffer.from([0xff, 0xd8, 0xff]));
		await writeFile(path.join(dir, 'static', 'data.bin'), Buffer.from([7]));

		const keys = await s3.putFolder(BUCKET, 'sites/abc/', dir);
		expect(keys).toEqual(['sites/abc/index.html', 'sites/abc/static/data.bin', 'sites/abc/static/js/bundle.js', 'sites/abc/static/poster.jpeg']);

		const expected: Array<[string, string, string]> = [
			['sites/abc/index.html', 'text/html; charset=utf-8', '<!doctype html><title>site</title>'],
			['sites/abc/static/js/bundle.js', 'application/javascript', 'console.log(1);'],
		];
		for (const [key, type, text] of expected) {
			const response = await fetch(s3.url(BUCKET, key));
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe(type);
			expect(await response.text()).toBe(text);
		}
		expect((await fetch(s3.url(BUCKET, 'sites/abc/static/poster.jpeg'))).headers.get('content-type')).toBe('image/jpeg');
		expect((await fetch(s3.url(BUCKET, 'sites/abc/static/data.bin'))).headers.get('content-type')).toBe('application/octet-stream');
	});
});

describe('S3-like test server shutdown', () => {
	it('closes while a connection is still busy (an upload half sent)', async () => {
		const s3 = await startS3LikeServer();
		s3.put('b', 'k', Uint8Array.from([1]), 'application/octet-stream');
		const { port } = new URL(s3.origin);
		const socket = connect(Number(port), '127.0.0.1');
		const socketClosed = new Promise((resolve) => socket.on('close', resolve));
		socket.on('error', () => undefined);
		await new Promise((resolve) => socket.on('connect', resolve));
		socket.write('PUT /b/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n12345');
		await new Promise((resolve) => setTimeout(resolve, 50));

		const closed = s3.close().then(() => 'closed');
		const timeout = new Promise((resolve) => setTimeout(() => resolve('timed out'), 2000));
		expect(await Promise.race([closed, timeout])).toBe('closed');
		await socketClosed;
		await expect(fetch(s3.url('b', 'k'))).rejects.toThrow();
	});
});
