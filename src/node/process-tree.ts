import { readFileSync, readdirSync } from 'node:fs';

/** Direct children of a process (Linux /proc; empty elsewhere or once it is gone). */
export const childrenOf = (pid: number): number[] => {
	try {
		return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
	} catch {
		return [];
	}
};

/** Every descendant of a process, children before grandchildren. */
export const descendantsOf = (root: number): number[] => {
	const found: number[] = [];
	const stack = childrenOf(root);
	while (stack.length > 0) {
		const pid = stack.shift()!;
		found.push(pid);
		stack.push(...childrenOf(pid));
	}
	return found;
};

/** Kills every descendant of this process: the safety net under owned resources, for children of children. */
export const killDescendants = (root: number = process.pid): number => {
	const pids = descendantsOf(root);
	for (const pid of pids) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	return pids.length;
};
