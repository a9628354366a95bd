import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Secrets come only from the environment or a `.env` file in the current folder; variables already set
 * win over the file. Node's own parser, so no dependency.
 */
export const loadDotEnv = (folder: string = process.cwd()): string | null => {
	const file = path.join(folder, '.env');
	if (!existsSync(file)) return null;
	process.loadEnvFile(file);
	return file;
};
