import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from '../run-cli';

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/** Strict `parseArgs` of the command line, with an unknown or malformed flag reported as a usage error (exit 2). */
export const parseFlags = <O extends FlagOptions, P extends boolean = false>(usage: string, options: O, allowPositionals?: P) => {
	try {
		return parseArgs<{ options: O; strict: true; allowPositionals: P }>({ options, strict: true, allowPositionals: (allowPositionals ?? false) as P });
	} catch (error) {
		throw usageError(usage, (error as Error).message);
	}
};
