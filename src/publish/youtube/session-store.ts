import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../pipeline/output/write-file-atomic';

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
			await writeFileAtomic(file, `${JSON.stringify({ ...session, updatedAt: new Date().toISOString() }, null, '\t')}\n`);
		},
		async clear(): Promise<void> {
			await rm(file, { force: true });
		},
	};
};

export type SessionStore = ReturnType<typeof sessionStore>;
