import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes through a temp file and a rename, so readers never see half a file. */
export const writeFileAtomic = async (file: string, data: string | Uint8Array): Promise<void> => {
	await mkdir(path.dirname(file), { recursive: true });
	const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
	await writeFile(temp, data);
	await rename(temp, file);
};
