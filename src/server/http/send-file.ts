import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseByteRange } from '../../pipeline/render/web/byte-range';
import { contentTypeOf } from '../../node/content-type';

/** Sends a file with its type, answering a Range request with 206 (players seek in video.mp4) and one outside the file with 416. */
export const sendFile = async (req: IncomingMessage, res: ServerResponse, file: string): Promise<boolean> => {
	const facts = await stat(file).catch(() => null);
	if (!facts?.isFile()) return false;
	const type = contentTypeOf(file);
	const headers = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-cache' };
	// the same reading of Range as the web engine's asset server: one byte range, else the whole file
	const range = parseByteRange(req.headers.range, facts.size);
	if (range === 'unsatisfiable') {
		res.writeHead(416, { ...headers, 'content-range': `bytes */${facts.size}` }).end();
		return true;
	}
	if (range) {
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
