import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const toRemove = new Set<string>();

/** Removes `dir` after the test file (test/setup/remove-temp-dirs.ts registers that); for folders a library made. */
export const removeAfterFile = (dir: string): string => {
	toRemove.add(dir);
	return dir;
};

/** A fresh folder in the temp dir, removed after the test file. */
export const makeTempDir = async (prefix: string): Promise<string> => removeAfterFile(await mkdtemp(path.join(os.tmpdir(), prefix)));

/** Removes every folder made or handed over in this test file. */
export const removeTempDirs = async () => {
	const dirs = [...toRemove];
	toRemove.clear();
	await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
};
