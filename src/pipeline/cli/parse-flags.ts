import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from '../run-cli';
import { asksForHelp, HelpRequested } from './help-requested';

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * Strict `parseArgs` of the command line, with an unknown or malformed flag reported as a usage error (exit 2).
 * `--help` or `-h` anywhere among the flags prints the usage instead (exit 0).
 */
export const parseFlags = <O extends FlagOptions, P extends boolean = false>(usage: string, options: O, allowPositionals?: P) => {
	if (asksForHelp(process.argv.slice(2))) throw new HelpRequested(usage);
	try {
		return parseArgs<{ options: O; strict: true; allowPositionals: P }>({ options, strict: true, allowPositionals: (allowPositionals ?? false) as P });
	} catch (error) {
		throw usageError(usage, (error as Error).message);
	}
};
