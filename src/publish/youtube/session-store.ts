import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeThroughPartial } from '../../node/write-through-partial';
import { DEFAULT_UPLOAD_BASE } from './start-session';

/** An unfinished upload, kept so a later run resumes it instead of sending everything again. Never holds the token. */
export type SavedSession = {
	readonly sessionUri: string;
	readonly fileSize: number;
	readonly fileMtimeMs: number;
	/** Hash of the session's request body: a changed title or privacy needs a new session. */
	readonly resourceHash: string;
	readonly uploadedBytes: number;
	readonly updatedAt: string;
};

export const SESSION_FILE = 'upload-session.json';

const VIDEO_UPLOAD_PATH = '/upload/youtube/v3/videos';

/**
 * Whether a session URI may receive the token: https on Google's upload host, on the videos upload path, or
 * the same path on the configured upload server (YOUTUBE_UPLOAD_URL, e.g. a local fake). upload-session.json
 * is just a file in the package folder: anything else in it is never sent the Bearer token.
 */
export const isTrustedSessionUri = (sessionUri: string, baseUrl: string = DEFAULT_UPLOAD_BASE): boolean => {
	let uri: URL;
	try {
		uri = new URL(sessionUri);
	} catch {
		return false;
	}
	if (uri.username !== '' || uri.password !== '') return false;
	const endpoints = [DEFAULT_UPLOAD_BASE, baseUrl].map((base) => {
		try {
			return new URL(`${base.replace(/\/+$/, '')}${VIDEO_UPLOAD_PATH}`);
		} catch {
			return undefined;
		}
	});
	return endpoints.some((endpoint, i) => {
		if (!endpoint || endpoint.origin !== uri.origin || endpoint.pathname !== uri.pathname) return false;
		// Google's own host only over https; the configured server as configured
		return i === 0 ? uri.protocol === 'https:' : true;
	});
};

const isSaved = (value: unknown): value is SavedSession => {
	const v = value as Partial<SavedSession> | null;
	return (
		typeof v?.sessionUri === 'string' &&
		typeof v.fileSize === 'number' &&
		typeof v.fileMtimeMs === 'number' &&
		typeof v.resourceHash === 'string' &&
		typeof v.uploadedBytes === 'number'
	);
};

/** upload-session.json in the package folder; an unreadable one counts as none. */
export const sessionStore = (packageDir: string) => {
	const file = path.join(packageDir, SESSION_FILE);
	return {
		file,
		async load(): Promise<SavedSession | undefined> {
			try {
				const value: unknown = JSON.parse(await readFile(file, 'utf8'));
				return isSaved(value) ? value : undefined;
			} catch {
				return undefined;
			}
		},
		async save(session: Omit<SavedSession, 'updatedAt'>): Promise<void> {
			const text = `${JSON.stringify({ ...session, updatedAt: new Date().toISOString() }, null, '\t')}\n`;
			// the session URI is a capability for the upload: readable by the owner only
			await writeThroughPartial(file, async (partial) => {
				await writeFile(partial, text, { mode: 0o600 });
				await chmod(partial, 0o600);
			});
		},
		async clear(): Promise<void> {
			await rm(file, { force: true });
		},
	};
};

export type SessionStore = ReturnType<typeof sessionStore>;
