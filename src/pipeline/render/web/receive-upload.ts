import { open, rm, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer } from './http-answer';
import type { ExpectedUpload } from './upload-registry';

class UploadTooLargeError extends Error {
	constructor(file: string, maxBytes: number) {
		super(`the upload to ${file} is over its cap of ${maxBytes} bytes: raise maxUploadBytes if the render is meant to be that large`);
	}
}

const writeAll = async (handle: FileHandle, chunk: Buffer): Promise<void> => {
	for (let offset = 0; offset < chunk.length;) offset += (await handle.write(chunk, offset)).bytesWritten;
};

/** Writes the request body to `file`, failing (and removing the partial file) once it passes `maxBytes`. */
const saveBody = async (req: IncomingMessage, file: string, maxBytes: number): Promise<void> => {
	const handle = await open(file, 'w');
	try {
		let bytes = 0;
		// not destroying the request on the way out keeps the socket up to answer 413
		for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
			bytes += chunk.length;
			if (bytes > maxBytes) throw new UploadTooLargeError(file, maxBytes);
			await writeAll(handle, chunk);
		}
		await handle.close();
	} catch (error) {
		await handle.close();
		await rm(file, { force: true });
		throw error;
	}
};

/** Takes one expected upload: saves it and settles its promise, or answers 413 when it is over its cap. */
export const receiveUpload = async (req: IncomingMessage, res: ServerResponse, upload: ExpectedUpload): Promise<void> => {
	try {
		if (Number(req.headers['content-length']) > upload.maxBytes) throw new UploadTooLargeError(upload.file, upload.maxBytes);
		await saveBody(req, upload.file, upload.maxBytes);
	} catch (error) {
		const failure = error instanceof Error ? error : new Error(String(error));
		const tooLarge = failure instanceof UploadTooLargeError;
		// the rest of an oversized body is never read, so the connection cannot be reused
		answer(res, tooLarge ? 413 : 500, tooLarge ? failure.message : `saving the upload to ${upload.file} failed: ${failure.message}`, { connection: 'close' });
		upload.reject(tooLarge ? failure : new Error(`saving the upload to ${upload.file} failed: ${failure.message}`));
		return;
	}
	answer(res, 200, 'saved');
	upload.resolve();
};
