import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseByteRange } from './byte-range';

const CONTENT_TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.wav': 'audio/wav',
	'.mp3': 'audio/mpeg',
	'.m4a': 'audio/mp4',
	'.aac': 'audio/aac',
	'.ogg': 'audio/ogg',
	'.flac': 'audio/flac',
};

const PAGE = '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><script src="/__reelsmith/bundle.js"></script></body></html>';

export type RenderPageServer = {
	readonly origin: string;
	/** A one-time path the page POSTs a finished file to; resolves when it is on disk. */
	expectUpload: (file: string) => { path: string; received: Promise<void> };
	close: () => Promise<void>;
};

/**
 * Serves the renderer page, its bundle and the props' assets (relative paths under `publicDir`, as the
 * screenshot renderer's staticFile() sees them, byte ranges included) on 127.0.0.1, and takes the finished file back.
 */
export const startRenderPageServer = async (bundleFile: string, publicDir: string): Promise<RenderPageServer> => {
	const uploads = new Map<string, { file: string; resolve: () => void; reject: (e: Error) => void }>();
	let uploadCount = 0;
	const root = path.resolve(publicDir);
	const server = http.createServer((req, res) => {
		const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
		const upload = uploads.get(url);
		if (req.method === 'POST' && upload) {
			uploads.delete(url);
			pipeline(req, createWriteStream(upload.file)).then(
				() => {
					res.end('saved');
					upload.resolve();
				},
				(error: Error) => {
					res.statusCode = 500;
					res.end(error.message);
					upload.reject(error);
				},
			);
			return;
		}
		const send = (file: string, type: string) =>
			stat(file).then(
				(s) => {
					if (!s.isFile()) throw new Error('not a file');
					const range = parseByteRange(req.headers.range, s.size);
					if (range === 'unsatisfiable') {
						res.writeHead(416, { 'content-range': `bytes */${s.size}` });
						res.end();
					} else if (range) {
						res.writeHead(206, { 'content-type': type, 'content-length': range.end - range.start + 1, 'content-range': `bytes ${range.start}-${range.end}/${s.size}`, 'accept-ranges': 'bytes' });
						createReadStream(file, range).pipe(res);
					} else {
						res.writeHead(200, { 'content-type': type, 'content-length': s.size, 'accept-ranges': 'bytes' });
						createReadStream(file).pipe(res);
					}
				},
				() => {
					res.statusCode = 404;
					res.end();
				},
			);
		if (url === '/') {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(PAGE);
			return;
		}
		if (url === '/__reelsmith/bundle.js') return void send(bundleFile, CONTENT_TYPES['.js']!);
		const file = path.resolve(root, `.${url}`);
		if (!file.startsWith(root + path.sep)) {
			res.statusCode = 403;
			res.end();
			return;
		}
		return void send(file, CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		expectUpload: (file) => {
			const uploadPath = `/__reelsmith/upload/${++uploadCount}`;
			const received = new Promise<void>((resolve, reject) => uploads.set(uploadPath, { file, resolve, reject }));
			return { path: uploadPath, received };
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
};
