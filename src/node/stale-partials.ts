import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OWNED_TEMP_DIR } from './owned-temp-dir';
import { PARTIAL_NAME } from './partial-path';
import { processAlive } from './process-alive';

const removeWhereWriterIsGone = async (dir: string, pattern: RegExp): Promise<string[]> => {
	const names = await readdir(dir).catch(() => [] as string[]);
	const stale = names.filter((name) => {
		const pid = Number(pattern.exec(name)?.[1]);
		return pid > 0 && pid !== process.pid && !processAlive(pid);
	});
	await Promise.all(stale.map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
	return stale.map((name) => path.join(dir, name));
};

/**
 * Removes partial files (see partialPathFor) in these folders whose writer is no longer running: what a
 * killed run left. A live run's partials, in this process or another, are left alone. Returns what went.
 */
export const sweepStalePartials = async (dirs: readonly string[]): Promise<string[]> =>
	(await Promise.all(dirs.map((dir) => removeWhereWriterIsGone(dir, PARTIAL_NAME)))).flat();

/** The same for our temp folders (browser profiles and the like) of runs that were killed. */
export const sweepStaleTempDirs = (tempDir: string = os.tmpdir()): Promise<string[]> => removeWhereWriterIsGone(tempDir, OWNED_TEMP_DIR);
