import { readFile } from 'node:fs/promises';
import { parseScriptText } from '../schema/parse-script';
import type { VideoScript } from '../schema/video-script';
import { InputError } from './input-error';

/** Reads and validates a script file; every problem is reported at once. */
export const loadScript = async (file: string): Promise<VideoScript> => {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`;
		throw new InputError(file, [{ path: '--props', message: `${reason}; pass the path of a script JSON file` }]);
	}
	const result = parseScriptText(text);
	if (!result.ok) throw new InputError(file, result.problems);
	return result.script;
};
