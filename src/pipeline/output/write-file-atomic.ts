import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

/** Writes through a temp file and a rename, so readers never see half a file. */
export const writeFileAtomic = async (file: string, data: string | Uint8Array): Promise<void> => {
	await mkdir(path.dirname(file), { recursive: true });
	// pid and a counter: two writers of the same file, in one process or several, never share a temp file
	const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${counter++}.tmp`);
	try {
		await writeFile(temp, data);
		await rename(temp, file);
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	}
};
