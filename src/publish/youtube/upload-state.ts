import { quote } from '../../schema/quote';
import { youtubeHttpError } from './youtube-http-error';

/** The video resource YouTube answers with once the last byte is in. */
export type UploadedVideo = { readonly id: string } & Readonly<Record<string, unknown>>;

/** Where a session stands: bytes the server holds, or finished. */
export type UploadState = { readonly done: false; readonly received: number } | { readonly done: true; readonly video: UploadedVideo };

/** The session URI answered 404/410: it expired (about a week) or was never valid; only a new session helps. */
export class SessionExpiredError extends Error {
	constructor(readonly status: number) {
		super(`the upload session is gone (HTTP ${status})`);
		this.name = 'SessionExpiredError';
	}
}

/** `Range: bytes=0-N` names the last byte the server holds; no header means it holds none. */
export const receivedFromRange = (range: string | null): number => {
	if (!range) return 0;
	const match = /^bytes=0-(\d+)$/.exec(range.trim());
	if (!match) throw new Error(`YouTube answered with an unreadable Range header ${quote(range)}`);
	return Number(match[1]) + 1;
};

/** Reads the answer to a chunk or a status query: 308 Resume Incomplete, 200/201 done, anything else an error. */
export const readUploadState = async (response: Response, what: string): Promise<UploadState> => {
	if (response.status === 308) {
		await response.body?.cancel();
		return { done: false, received: receivedFromRange(response.headers.get('range')) };
	}
	if (response.status === 200 || response.status === 201) {
		const video = (await response.json()) as { id?: unknown };
		if (typeof video?.id !== 'string') throw new Error(`${what}: YouTube finished the upload but sent no video id`);
		return { done: true, video: video as UploadedVideo };
	}
	if (response.status === 404 || response.status === 410) {
		await response.body?.cancel();
		throw new SessionExpiredError(response.status);
	}
	throw await youtubeHttpError(response, what);
};
