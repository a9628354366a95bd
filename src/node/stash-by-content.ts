import { createHash } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { writeThroughPartial } from './write-through-partial';

/** Where a file goes in a render's public folder: `<dir>/<its sha256, 24 hex digits>.<ext>`, so equal files are stored once. */
export const contentName = (bytes: Uint8Array, dir: string, ext: string): string =>
	`${dir}/${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}.${ext}`;

/** Copies `file` into `publicDir` as `name` (see contentName), through a partial file; returns `name`. */
export const stashFile = async (file: string, name: string, publicDir: string): Promise<string> => {
	await writeThroughPartial(path.join(publicDir, name), (partial) => copyFile(file, partial));
	return name;
};
