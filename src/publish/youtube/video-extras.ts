import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fetchFor, requestSignal, type YoutubeConnection } from './youtube-connection';
import { youtubeHttpError } from './youtube-http-error';

/**
 * thumbnails.set takes at most 2 MB of image/jpeg, image/png or application/octet-stream, as a media upload:
 * https://developers.google.com/youtube/v3/docs/thumbnails/set ("Maximum file size: 2MB").
 */
export const THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;

const base = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

/** Sets the video's custom thumbnail from a JPEG (POST /upload/youtube/v3/thumbnails/set?videoId=…). */
export const setThumbnail = async (baseUrl: string, videoId: string, jpegFile: string, connection: YoutubeConnection): Promise<void> => {
	const body = await readFile(jpegFile);
	const url = `${base(baseUrl)}/upload/youtube/v3/thumbnails/set?videoId=${encodeURIComponent(videoId)}&uploadType=media`;
	const response = await fetchFor(connection)(url, {
		method: 'POST',
		headers: { Authorization: `Bearer ${connection.token}`, 'Content-Type': 'image/jpeg' },
		body,
		redirect: 'manual',
		signal: requestSignal(connection),
	});
	if (!response.ok) throw await youtubeHttpError(response, 'setting the thumbnail');
	await response.body?.cancel();
};

/** What captions.insert needs in its snippet (https://developers.google.com/youtube/v3/docs/captions/insert). */
export type CaptionSnippet = { readonly videoId: string; readonly language: string; readonly name: string };

/**
 * Uploads an SRT as a caption track: captions.insert, multipart (the caption resource's snippet as JSON,
 * then the file). Needs a token with the youtube.force-ssl scope; youtube.upload alone gets a 403.
 */
export const insertCaptions = async (baseUrl: string, snippet: CaptionSnippet, srtFile: string, connection: YoutubeConnection): Promise<{ id: string }> => {
	const srt = await readFile(srtFile);
	const boundary = `reelsmith-${randomBytes(12).toString('hex')}`;
	const body = Buffer.concat([
		Buffer.from(
			`--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify({ snippet: { ...snippet, isDraft: false } })}\r\n` +
				`--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\n`,
		),
		srt,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	]);
	const url = `${base(baseUrl)}/upload/youtube/v3/captions?uploadType=multipart&part=snippet`;
	const response = await fetchFor(connection)(url, {
		method: 'POST',
		headers: { Authorization: `Bearer ${connection.token}`, 'Content-Type': `multipart/related; boundary=${boundary}` },
		body,
		redirect: 'manual',
		signal: requestSignal(connection),
	});
	if (!response.ok) throw await youtubeHttpError(response, 'uploading the captions');
	const caption = (await response.json()) as { id?: unknown };
	if (typeof caption?.id !== 'string') throw new Error('uploading the captions: YouTube answered without a caption id');
	return { id: caption.id };
};

export const fileSize = async (file: string): Promise<number | undefined> => {
	const info = await stat(file).catch(() => undefined);
	return info?.isFile() ? info.size : undefined;
};
