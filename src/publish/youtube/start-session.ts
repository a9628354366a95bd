import { fetchFor, requestSignal, type YoutubeConnection } from './youtube-connection';
import { youtubeHttpError } from './youtube-http-error';
import type { VideoResource } from './video-resource';

export const DEFAULT_UPLOAD_BASE = 'https://www.googleapis.com';

/** Opens a resumable upload session for `size` bytes of MP4 and returns its URI (the Location header). */
export const startUploadSession = async (baseUrl: string, resource: VideoResource, size: number, connection: YoutubeConnection): Promise<string> => {
	const url = `${baseUrl.replace(/\/+$/, '')}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`;
	const response = await fetchFor(connection)(url, {
		method: 'POST',
		headers: {
			Authorization: `Bearer ${connection.token}`,
			'Content-Type': 'application/json; charset=UTF-8',
			'X-Upload-Content-Length': String(size),
			'X-Upload-Content-Type': 'video/mp4',
		},
		body: JSON.stringify(resource),
		redirect: 'manual',
		signal: requestSignal(connection),
	});
	if (!response.ok) throw await youtubeHttpError(response, 'starting the upload');
	await response.body?.cancel();
	const location = response.headers.get('location');
	if (!location) throw new Error('starting the upload: YouTube answered without a session URI (no Location header)');
	return new URL(location, url).toString();
};
