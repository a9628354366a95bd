import { rmSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { own } from './owned-resources';
import { partialPathFor } from './partial-path';

/** Files this run writes and removes again; a signal or crash removes them too. Returns their remover. */
export const ownTempFiles = (files: readonly string[]): (() => Promise<void>) => {
	const disown = own({
		kind: 'temp file',
		release: async () => {
			await Promise.all(files.map((file) => rm(file, { recursive: true, force: true })));
		},
		releaseNow: () => files.forEach((file) => rmSync(file, { recursive: true, force: true })),
	});
	return async () => {
		await Promise.all(files.map((file) => rm(file, { recursive: true, force: true })));
		disown();
	};
};

/**
 * Has `write` make the file at a partial path beside it, then renames it into place: a reader never sees half
 * a file, and a failure, a signal or a crash leaves nothing at `file` (a kill -9 leaves a partial that the next
 * run's sweep removes).
 */
export const writeThroughPartial = async <T>(file: string, write: (partial: string) => Promise<T>, tag = ''): Promise<T> => {
	await mkdir(path.dirname(file), { recursive: true });
	const partial = partialPathFor(file, tag);
	const remove = ownTempFiles([partial]);
	try {
		const result = await write(partial);
		await rename(partial, file);
		return result;
	} finally {
		await remove();
	}
};
