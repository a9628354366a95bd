import { open, realpath } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseByteRange } from './byte-range';
import { answer } from './http-answer';
import { contentTypeOf } from '../../../node/content-type';

const isInside = (folder: string, file: string): boolean => {
	const relative = path.relative(folder, file);
	return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
};

/** The real path of `file`, or null when it does not exist (other failures, a symlink loop say, are thrown). */
const realpathIfExists = (file: string): Promise<string | null> =>
	realpath(file).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
		throw error;
	});

/** The real file `relativePath` names inside `publicDir`, symlinks resolved, or the status that refuses it. */
const resolveAsset = async (publicDir: string, relativePath: string): Promise<{ file: string } | { status: number; message: string }> => {
	const requested = path.resolve(publicDir, relativePath);
	if (relativePath.split('/').includes('..') || !isInside(path.resolve(publicDir), requested)) {
		return { status: 403, message: `${relativePath} is outside the public folder` };
	}
	const [root, file] = await Promise.all([realpathIfExists(publicDir), realpathIfExists(requested)]);
	if (!root || !file) return { status: 404, message: `${relativePath} does not exist` };
	if (!isInside(root, file)) return { status: 403, message: `${relativePath} links outside the public folder` };
	return { file };
};

/**
 * Sends the file `relativePath` names under `publicDir` (a byte range of it when asked: media readers in
 * the page seek with these). The file is opened once and read through that handle, so what was checked is what is sent.
 */
export const serveAsset = async (req: IncomingMessage, res: ServerResponse, publicDir: string, relativePath: string): Promise<void> => {
	const asset = await resolveAsset(publicDir, relativePath);
	if ('status' in asset) return answer(res, asset.status, asset.message);
	const handle = await open(asset.file, 'r');
	let streaming = false;
	try {
		const stats = await handle.stat();
		if (!stats.isFile()) return answer(res, 404, `${relativePath} is not a file`);
		const range = parseByteRange(req.headers.range, stats.size);
		if (range === 'unsatisfiable') {
			res.writeHead(416, { 'content-range': `bytes */${stats.size}` });
			res.end();
			return;
		}
		const span = range ?? { start: 0, end: stats.size - 1 };
		res.writeHead(range ? 206 : 200, {
			'content-type': contentTypeOf(relativePath),
			'content-length': span.end - span.start + 1,
			'accept-ranges': 'bytes',
			...(range ? { 'content-range': `bytes ${range.start}-${range.end}/${stats.size}` } : {}),
		});
		if (req.method === 'HEAD' || stats.size === 0) {
			res.end();
			return;
		}
		streaming = true;
		await pipeline(handle.createReadStream({ start: span.start, end: span.end }), res);
	} finally {
		// the read stream closes the handle itself once it has one
		if (!streaming) await handle.close();
	}
};
