import { readFileSync } from 'node:fs';
import { childrenOf } from '../node/process-tree';

const rssBytes = (pid: number): number => {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
};

/** Resident memory of a process and all its descendants (the browser and the encoder included). */
export const treeRssBytes = (root: number): number => {
	let total = 0;
	const stack = [root];
	while (stack.length > 0) {
		const pid = stack.pop()!;
		total += rssBytes(pid);
		stack.push(...childrenOf(pid));
	}
	return total;
};

/** Samples the tree's RSS until stopped; Linux only (reads /proc). */
export const watchPeakRss = (root: number = process.pid, everyMs = 100) => {
	let peak = treeRssBytes(root);
	const timer = setInterval(() => {
		peak = Math.max(peak, treeRssBytes(root));
	}, everyMs);
	return {
		stop: (): number => {
			clearInterval(timer);
			return Math.max(peak, treeRssBytes(root));
		},
	};
};
