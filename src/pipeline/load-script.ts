import { readFile, stat } from 'node:fs/promises';
import { parseScriptText } from '../schema/parse-script';
import type { VideoScript } from '../schema/video-script';
import { InputError } from '../schema/input-error';

const MAX_SCRIPT_BYTES = 5 * 2 ** 20;

/** Reads and validates a script file; every problem is reported at once. */
export const loadScript = async (file: string): Promise<VideoScript> => {
	let text: string;
	try {
		const facts = await stat(file);
		if (facts.isFile() && facts.size > MAX_SCRIPT_BYTES) {
			throw new InputError(file, [
				{ path: '--props', message: `is ${(facts.size / 2 ** 20).toFixed(1)} MiB, too large for a script (at most 5 MiB); pass a script JSON file` },
			]);
		}
		if (!facts.isFile() && !facts.isDirectory()) {
			throw new InputError(file, [{ path: '--props', message: 'is not a regular file; pass the path of a script JSON file' }]);
		}
		text = await readFile(file, 'utf8');
	} catch (error) {
		if (error instanceof InputError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`;
		throw new InputError(file, [{ path: '--props', message: `${reason}; pass the path of a script JSON file` }]);
	}
	const result = parseScriptText(text);
	if (!result.ok) throw new InputError(file, result.problems);
	return result.script;
};
