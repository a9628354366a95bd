import { fetchFor, requestSignal, type YoutubeConnection } from './youtube-connection';
import { readUploadState, type UploadState } from './upload-state';

/** Asks the server how much of the session it holds (`Content-Range: bytes *\/total`, empty body). */
export const queryUploadStatus = async (sessionUri: string, total: number, connection: YoutubeConnection): Promise<UploadState> => {
	const response = await fetchFor(connection)(sessionUri, {
		method: 'PUT',
		headers: { Authorization: `Bearer ${connection.token}`, 'Content-Range': `bytes */${total}` },
		redirect: 'manual',
		signal: requestSignal(connection),
	});
	return readUploadState(response, 'asking how much was uploaded');
};
