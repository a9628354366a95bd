import { statSync } from 'node:fs';
import path from 'node:path';
import { quote } from '../../schema/quote';
import { InputError } from '../../schema/input-error';

/** `--out` must name a folder: an empty value would write into the current folder, a file cannot hold one. */
export const parseOutDir = (value: string): string => {
	if (value.trim() === '') {
		throw new InputError('arguments', [{ path: '--out', message: '--out is empty; give the folder to write into, such as out' }]);
	}
	const resolved = path.resolve(value);
	const facts = statSync(resolved, { throwIfNoEntry: false });
	if (facts && !facts.isDirectory()) {
		throw new InputError('arguments', [{ path: '--out', message: `${quote(value)} is a file, not a folder; give the folder to write into` }]);
	}
	return resolved;
};
