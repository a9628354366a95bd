/** `--help` or `-h` on a command line: the usage goes to stdout and the command exits 0 without doing anything. */
export class HelpRequested extends Error {
	constructor(readonly usage: string) {
		super('help requested');
		this.name = 'HelpRequested';
	}
}

/** Whether the flags (everything before a `--`) ask for help. */
export const asksForHelp = (argv: readonly string[]): boolean => {
	const end = argv.indexOf('--');
	return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
};
