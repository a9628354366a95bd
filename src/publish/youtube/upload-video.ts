import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../node/write-file-atomic';
import { classifyHttpError } from '../../providers/http/http-error';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../../providers/http/retry';
import { queryUploadStatus } from './query-status';
import { isTrustedSessionUri, sessionStore } from './session-store';
import { DEFAULT_UPLOAD_BASE, startUploadSession } from './start-session';
import { uploadChunk } from './upload-chunk';
import { SessionExpiredError, type UploadedVideo, type UploadState } from './upload-state';
import type { VideoResource } from './video-resource';
import type { YoutubeConnection } from './youtube-connection';

export const CHUNK_GRANULE = 256 * 1024;
export const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;
export const UPLOAD_RECORD_FILE = 'upload.json';
/** New sessions after an expiry before giving up: a server that keeps dropping sessions will not be outwaited. */
const MAX_NEW_SESSIONS = 2;

/** What upload.json holds after success (never the token); the thumbnail and captions steps add theirs when done. */
export type UploadRecord = {
	readonly videoId: string;
	readonly url: string;
	readonly uploadedBytes: number;
	readonly title: string;
	readonly thumbnail?: { readonly bytes: number; readonly setAt: string };
	readonly captions?: { readonly id: string; readonly language: string; readonly insertedAt: string };
};

export type UploadVideoOptions = YoutubeConnection & {
	/** Where upload-session.json and upload.json live: the package folder. */
	readonly packageDir: string;
	readonly videoFile: string;
	readonly resource: VideoResource;
	readonly baseUrl?: string;
	/** Bytes per PUT, a multiple of 256 KiB. */
	readonly chunkSize?: number;
	readonly retry?: Partial<Pick<RetryOptions, 'retries' | 'baseDelayMs' | 'maxDelayMs'>>;
	readonly sleep?: (ms: number) => Promise<void>;
	readonly onProgress?: (uploadedBytes: number, totalBytes: number) => void;
	readonly onNote?: (message: string) => void;
};

const hashResource = (resource: VideoResource) => createHash('sha256').update(JSON.stringify(resource)).digest('hex').slice(0, 16);

/** Where a URI points, without its query (which may hold an upload id). */
const describeHost = (uri: string): string => {
	try {
		const { protocol, host, pathname } = new URL(uri);
		return `${protocol}//${host}${pathname}`;
	} catch {
		return 'not a URL';
	}
};

const describeRetry = (error: unknown): string => {
	const failure = classifyHttpError(error);
	if (failure?.status !== undefined) return `HTTP ${failure.status}`;
	return 'connection lost';
};

export type RetrySettings = Pick<UploadVideoOptions, 'retry' | 'sleep' | 'onNote' | 'signal'>;

/** The retry/backoff every YouTube call here shares: HTTP 408/429/5xx and dropped connections, not an abort. */
export const youtubeRetry = (options: RetrySettings): RetryOptions => {
	const note = options.onNote ?? (() => {});
	const signal = options.signal;
	return {
		...DEFAULT_RETRY,
		...options.retry,
		...(options.sleep ? { sleep: options.sleep } : {}),
		// an abort is the caller stopping us, not a network hiccup
		classify: (error) => (signal?.aborted ? null : classifyHttpError(error)),
		onRetry: (attempt, delayMs, error) => note(`${describeRetry(error)}; try ${attempt} in ${(delayMs / 1000).toFixed(1)}s`),
	};
};

/**
 * Uploads a video through YouTube's resumable protocol: one session, chunk by chunk, asking the server
 * where it stands after any failure. Progress is saved after every chunk so a killed run resumes the
 * same session; an expired session starts over in a new one.
 */
export const uploadVideo = async (options: UploadVideoOptions): Promise<UploadRecord> => {
	const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
	if (!Number.isInteger(chunkSize) || chunkSize <= 0 || chunkSize % CHUNK_GRANULE !== 0) {
		throw new Error(`chunk size ${chunkSize} is not a positive multiple of 256 KiB`);
	}
	const { size, mtimeMs } = await stat(options.videoFile);
	const resourceHash = hashResource(options.resource);
	const store = sessionStore(options.packageDir);
	const note = options.onNote ?? (() => {});
	const signal = options.signal;
	const retry = youtubeRetry(options);
	const baseUrl = options.baseUrl ?? DEFAULT_UPLOAD_BASE;

	let saved = await store.load();
	if (saved && !isTrustedSessionUri(saved.sessionUri, baseUrl)) {
		note(`warning: ${store.file} names a session outside YouTube's upload endpoint (${describeHost(saved.sessionUri)}): discarded, starting a new session`);
		await store.clear();
		saved = undefined;
	}
	if (saved && (saved.fileSize !== size || saved.fileMtimeMs !== mtimeMs || saved.resourceHash !== resourceHash)) {
		note('the video or its metadata changed since the interrupted upload: starting a new session');
		await store.clear();
		saved = undefined;
	}
	if (saved) note(`resuming the interrupted upload (${saved.uploadedBytes} of ${size} bytes sent before)`);

	const save = (sessionUri: string, uploadedBytes: number) => store.save({ sessionUri, fileSize: size, fileMtimeMs: mtimeMs, resourceHash, uploadedBytes });

	/** One step forward: after a failure, or with the position unknown, ask the server first. */
	const step = async (sessionUri: string, known: number | undefined, attempt: number): Promise<UploadState> => {
		let from = known;
		if (attempt > 0 || from === undefined || from >= size) {
			const status = await queryUploadStatus(sessionUri, size, options);
			if (status.done) return status;
			if (status.received >= size) throw new Error('YouTube holds every byte but did not finish the upload');
			from = status.received;
		}
		signal?.throwIfAborted();
		return uploadChunk(sessionUri, options.videoFile, from, Math.min(from + chunkSize, size), size, options);
	};

	const sendAll = async (sessionUri: string, start: number | undefined): Promise<UploadedVideo> => {
		let known = start;
		for (;;) {
			const state = await withRetry((attempt) => step(sessionUri, known, attempt), retry);
			if (state.done) return state.video;
			if (state.received > size) throw new Error(`YouTube says it holds ${state.received} bytes of a ${size}-byte file`);
			known = state.received;
			await save(sessionUri, known);
			options.onProgress?.(known, size);
			signal?.throwIfAborted();
		}
	};

	let sessionUri = saved?.sessionUri;
	for (let newSessions = 0; ; newSessions++) {
		let start: number | undefined;
		if (!sessionUri) {
			sessionUri = await withRetry(() => startUploadSession(baseUrl, options.resource, size, options), retry);
			if (!isTrustedSessionUri(sessionUri, baseUrl)) {
				throw new Error(
					`starting the upload: the server answered with a session outside its upload endpoint (${describeHost(sessionUri)}); not sending the video there`,
				);
			}
			start = 0;
			await save(sessionUri, 0);
		}
		try {
			const video = await sendAll(sessionUri, start);
			const record: UploadRecord = { videoId: video.id, url: `https://youtu.be/${video.id}`, uploadedBytes: size, title: options.resource.snippet.title };
			await writeFileAtomic(path.join(options.packageDir, UPLOAD_RECORD_FILE), `${JSON.stringify(record, null, '\t')}\n`);
			await store.clear();
			return record;
		} catch (error) {
			if (!(error instanceof SessionExpiredError) || newSessions >= MAX_NEW_SESSIONS) throw error;
			note('the upload session expired: starting a new one from the first byte');
			await store.clear();
			sessionUri = undefined;
		}
	}
};
