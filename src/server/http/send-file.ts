import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
	'.mp4': 'video/mp4',
	'.jpg': 'image/jpeg',
	'.png': 'image/png',
	'.wav': 'audio/wav',
	'.mp3': 'audio/mpeg',
	'.srt': 'application/x-subrip; charset=utf-8',
	'.vtt': 'text/vtt; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
};

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` of a file of `size` bytes (RFC 9110 §14.1.2); null when unsatisfiable or not one range. */
export const parseRange = (header: string, size: number): { start: number; end: number } | null => {
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) return null;
	let start: number;
	let end: number;
	if (match[1] === '') {
		start = Math.max(0, size - Number(match[2]));
		end = size - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	}
	return start <= end && start < size ? { start, end } : null;
};

/** Sends a file with its type, answering Range requests with 206 (players seek in video.mp4) and a bad range with 416. */
export const sendFile = async (req: IncomingMessage, res: ServerResponse, file: string): Promise<boolean> => {
	const facts = await stat(file).catch(() => null);
	if (!facts?.isFile()) return false;
	const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
	const headers = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-cache' };
	const rangeHeader = req.headers.range;
	if (rangeHeader) {
		const range = parseRange(rangeHeader, facts.size);
		if (!range) {
			res.writeHead(416, { ...headers, 'content-range': `bytes */${facts.size}` }).end();
			return true;
		}
		res.writeHead(206, { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${facts.size}`, 'content-length': range.end - range.start + 1 });
		if (req.method === 'HEAD') res.end();
		else createReadStream(file, range).pipe(res);
		return true;
	}
	res.writeHead(200, { ...headers, 'content-length': facts.size });
	if (req.method === 'HEAD') res.end();
	else createReadStream(file).pipe(res);
	return true;
};
