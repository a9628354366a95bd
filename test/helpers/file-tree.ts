import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every entry under `root` as "path kind size mtime", sorted; [] when `root` does not exist.
 * Two equal listings taken around a command show it created, changed and deleted nothing there.
 */
export const listTree = async (root: string): Promise<string[]> => {
	let names: string[];
	try {
		names = await readdir(root, { recursive: true });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	const entries = await Promise.all(
		names.map(async (name) => {
			const info = await lstat(path.join(root, name));
			const kind = info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'dir' : 'file';
			return `${name} ${kind} ${info.isDirectory() ? '' : info.size} ${info.mtimeMs}`;
		}),
	);
	return entries.sort();
};

/** The entries of a listing that lie outside `folder` (a path relative to the listed root). */
export const outside = (listing: readonly string[], folder: string): string[] =>
	listing.filter((entry) => entry !== folder && !entry.startsWith(`${folder} `) && !entry.startsWith(`${folder}${path.sep}`));
