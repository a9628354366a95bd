import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readFile, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../node/write-file-atomic';
import { CACHE_RECORD_VERSION, parseCacheRecord, type CacheRecord } from './cache-record';

export type CachedAsset<Meta> = {
	readonly key: string;
	/** Relative to the cache root with forward slashes: the `src` the composition loads. */
	readonly file: string;
	readonly absolutePath: string;
	readonly meta: Meta;
};

export type AssetCacheOptions = {
	/** Where a corrupt or foreign entry is reported (once per entry); default: stderr. */
	readonly onWarning?: (message: string) => void;
};

/** Why an entry cannot be used: the reason goes into the warning. */
class Corrupt extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const within = (folder: string, file: string) => file.startsWith(folder + path.sep);

/** Reads through an open handle in pieces: memory stays flat whatever the asset's size. */
const hashOf = async (handle: FileHandle): Promise<{ sha256: string; bytes: number }> => {
	const hash = createHash('sha256');
	const buffer = Buffer.allocUnsafe(1 << 16);
	let bytes = 0;
	for (;;) {
		const { bytesRead } = await handle.read(buffer, 0, buffer.length, bytes);
		if (bytesRead === 0) break;
		hash.update(buffer.subarray(0, bytesRead));
		bytes += bytesRead;
	}
	return { sha256: hash.digest('hex'), bytes };
};

/**
 * Content-addressed store: `<root>/<stage>/<key>.<ext>` plus its record `<key>.meta.json` (`{version, file, bytes, sha256,
 * meta}`, see cache-record.ts). The record is written last, after the data file is complete, so a run killed halfway leaves at
 * most a temp file, never a half asset. An entry is served only when its record has that shape and version, its file lies inside
 * `<root>/<stage>/` (links followed) and is a regular file with the recorded size and sha256. Anything else is a corrupt
 * or foreign entry: `get` says why, once per entry, and returns null, so the caller makes it again and `put` replaces it.
 */
export class AssetCache {
	private readonly onWarning: (message: string) => void;
	/** Entries already reported; `put` forgets them, so a later corruption is reported again. Bounded by the bad entries. */
	private readonly warned = new Set<string>();

	constructor(
		readonly root: string,
		options: AssetCacheOptions = {},
	) {
		this.onWarning = options.onWarning ?? ((message) => console.error(message));
	}

	private recordPath(stage: string, key: string) {
		return path.join(this.root, stage, `${key}.meta.json`);
	}

	/** Reports, once per entry, that `stage/key` is not used and why. Stages that check their own data call it too. */
	warnCorrupt(stage: string, key: string, why: string): void {
		const id = `${stage}/${key}`;
		if (this.warned.has(id)) return;
		this.warned.add(id);
		this.onWarning(`cache: ${stage}/${key.slice(0, 6)}… is corrupt (${why}); making it again`);
	}

	/** The entry under `key`, verified; null when it is missing or cannot be trusted. Never throws for a bad entry. */
	async get<Meta>(stage: string, key: string): Promise<CachedAsset<Meta> | null> {
		let text: string;
		try {
			text = await readFile(this.recordPath(stage, key), 'utf8');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			// no record: not made yet (or a run was killed before committing it)
			if (code === 'ENOENT' || code === 'ENOTDIR') return null;
			this.warnCorrupt(stage, key, `its record cannot be read: ${code ?? String(error)}`);
			return null;
		}
		try {
			const parsed = parseCacheRecord<Meta>(text);
			if ('problem' in parsed) throw new Corrupt(parsed.problem);
			const { record } = parsed;
			await this.verify(stage, record);
			return { key, file: record.file, absolutePath: path.join(this.root, record.file), meta: record.meta };
		} catch (error) {
			this.warnCorrupt(stage, key, error instanceof Corrupt ? error.message : `it cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
			return null;
		}
	}

	/** Throws `Corrupt` unless the record's file is a regular file inside `<root>/<stage>/` with its size and sha256. */
	private async verify(stage: string, record: CacheRecord<unknown>): Promise<void> {
		const shown = JSON.stringify(record.file);
		const stageDir = path.resolve(this.root, stage);
		const lexical = path.resolve(this.root, record.file);
		if (path.isAbsolute(record.file) || record.file.split(/[\\/]/).includes('..') || !within(stageDir, lexical)) {
			throw new Corrupt(`its file ${shown} is outside the cache`);
		}
		let real: string;
		try {
			real = await realpath(lexical);
		} catch {
			throw new Corrupt(`its file ${shown} is missing`);
		}
		if (!within(await realpath(stageDir), real)) throw new Corrupt(`its file ${shown} links outside the cache`);
		// O_NOFOLLOW: a link swapped in after the check is refused rather than followed
		const handle = await open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch((error: NodeJS.ErrnoException) => {
			throw new Corrupt(`its file ${shown} cannot be opened: ${error.code ?? error.message}`);
		});
		try {
			const facts = await handle.stat();
			if (!facts.isFile()) throw new Corrupt(`its file ${shown} is not a regular file`);
			if (facts.size !== record.bytes) throw new Corrupt(`its file is ${facts.size} bytes, its record says ${record.bytes}`);
			const { sha256, bytes } = await hashOf(handle);
			if (bytes !== record.bytes) throw new Corrupt(`its file is ${bytes} bytes, its record says ${record.bytes}`);
			if (sha256 !== record.sha256) throw new Corrupt('sha256 does not match its record');
		} finally {
			await handle.close();
		}
	}

	/** Writes the data file; `describe` may read it (e.g. to measure its duration) before the entry is committed. */
	async put<Meta>(
		stage: string,
		key: string,
		data: Uint8Array,
		extension: string,
		describe: (absolutePath: string) => Promise<Meta> | Meta,
	): Promise<CachedAsset<Meta>> {
		const file = `${stage}/${key}.${extension}`;
		const absolutePath = path.join(this.root, file);
		await writeFileAtomic(absolutePath, data);
		const meta = await describe(absolutePath);
		// get() accepts only an object here: anything else would be stored and never served
		if (!isObject(meta)) throw new TypeError(`cache: the metadata of ${stage}/${key} must be a JSON object`);
		const record: CacheRecord<Meta> = {
			version: CACHE_RECORD_VERSION,
			file,
			bytes: data.byteLength,
			sha256: createHash('sha256').update(data).digest('hex'),
			meta,
		};
		await writeFileAtomic(this.recordPath(stage, key), `${JSON.stringify(record)}\n`);
		this.warned.delete(`${stage}/${key}`);
		return { key, file, absolutePath, meta };
	}
}
