import { open } from 'node:fs/promises';
import { fetchFor, requestSignal, type YoutubeConnection } from './youtube-connection';
import { readUploadState, type UploadState } from './upload-state';

const readRange = async (file: string, start: number, end: number): Promise<Uint8Array<ArrayBuffer>> => {
	const handle = await open(file, 'r');
	try {
		const buffer = new Uint8Array(end - start);
		const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
		if (bytesRead !== buffer.length) throw new Error(`${file} is shorter than expected: it changed during the upload`);
		return buffer;
	} finally {
		await handle.close();
	}
};

/** Sends bytes [start, end) of `file`; the answer says how many the server kept, which may be fewer. */
export const uploadChunk = async (
	sessionUri: string,
	file: string,
	start: number,
	end: number,
	total: number,
	connection: YoutubeConnection,
): Promise<UploadState> => {
	const body = await readRange(file, start, end);
	const response = await fetchFor(connection)(sessionUri, {
		method: 'PUT',
		headers: {
			Authorization: `Bearer ${connection.token}`,
			'Content-Type': 'video/mp4',
			'Content-Range': `bytes ${start}-${end - 1}/${total}`,
		},
		body,
		// 308 is Resume Incomplete here, not a redirect to follow
		redirect: 'manual',
		signal: requestSignal(connection),
	});
	return readUploadState(response, `uploading bytes ${start}-${end - 1}`);
};
