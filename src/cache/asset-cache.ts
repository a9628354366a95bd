import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../pipeline/output/write-file-atomic';

export type CachedAsset<Meta> = {
	readonly key: string;
	/** Relative to the cache root with forward slashes: the `src` the composition loads. */
	readonly file: string;
	readonly absolutePath: string;
	readonly meta: Meta;
};

type Record_<Meta> = { readonly file: string; readonly bytes: number; readonly sha256: string; readonly meta: Meta };

/**
 * Content-addressed store: `<root>/<stage>/<key>.<ext>` plus its record `<key>.meta.json`. The JSON record is written last,
 * after the data file is complete, so an entry counts only when both exist and the sizes agree:
 * a run killed halfway leaves at most a temp file, never a half asset.
 */
export class AssetCache {
	constructor(readonly root: string) {}

	private recordPath(stage: string, key: string) {
		return path.join(this.root, stage, `${key}.meta.json`);
	}

	async get<Meta>(stage: string, key: string): Promise<CachedAsset<Meta> | null> {
		let record: Record_<Meta>;
		try {
			record = JSON.parse(await readFile(this.recordPath(stage, key), 'utf8')) as Record_<Meta>;
		} catch {
			return null;
		}
		const absolutePath = path.join(this.root, record.file);
		const size = await stat(absolutePath).then((s) => s.size, () => -1);
		if (size !== record.bytes) return null;
		return { key, file: record.file, absolutePath, meta: record.meta };
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
		const record: Record_<Meta> = {
			file,
			bytes: data.byteLength,
			sha256: createHash('sha256').update(data).digest('hex'),
			meta,
		};
		await writeFileAtomic(this.recordPath(stage, key), `${JSON.stringify(record)}\n`);
		return { key, file, absolutePath, meta };
	}
}
