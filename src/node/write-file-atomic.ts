import { writeFile } from 'node:fs/promises';
import { writeThroughPartial } from './write-through-partial';

let counter = 0;

/** Writes through a partial file and a rename, so readers never see half a file. */
export const writeFileAtomic = (file: string, data: string | Uint8Array): Promise<void> =>
	// a counter besides the pid: two writers of the same file in one process never share a partial file
	writeThroughPartial(file, (partial) => writeFile(partial, data), String(counter++));
