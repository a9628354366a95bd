import { readdirSync, readFileSync } from 'node:fs';
import { descendantsOf } from '../../src/node/process-tree';

const commandLine = (pid: number): string => {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
	} catch {
		return '';
	}
};

/** Descendants of `root` whose command line contains `marker` (Chromium's `--type=renderer`, say). */
export const descendantsMatching = (root: number, marker: string): number[] => descendantsOf(root).filter((pid) => commandLine(pid).includes(marker));

/** Every process on the machine, but this one, whose command line contains `marker` (a profile folder's path, say). */
export const processesMatching = (marker: string): number[] =>
	readdirSync('/proc')
		.map(Number)
		.filter((pid) => pid > 0 && pid !== process.pid && commandLine(pid).includes(marker));
