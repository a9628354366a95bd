import { spawn as nodeSpawn } from 'node:child_process';

/** Starts a program; only what killTree needs of child_process.spawn, so a test can record the call. */
export type SpawnFn = (
	command: string,
	args: readonly string[],
	options: { stdio: 'ignore'; windowsHide: true },
) => { once(event: 'exit' | 'error', listener: () => void): unknown };

export type KillTreeOptions = {
	readonly platform?: NodeJS.Platform;
	readonly spawn?: SpawnFn;
	/** process.kill, or a fake. */
	readonly kill?: (pid: number, signal: NodeJS.Signals | 0) => void;
	/** How long to wait for a killed process group to be gone (its last processes to be reaped). */
	readonly waitMs?: number;
};

/**
 * Kills a process and everything it started, at once (SIGKILL, or taskkill /F). The kill is sent before this
 * returns, so a caller in an `exit` handler need not wait; the promise resolves once the tree is gone.
 * - Windows has no process groups: `taskkill /PID <pid> /T /F` ends the process and its descendants (while the
 *   process lives: its children are found through it).
 * - Elsewhere the process leads a group of its own (spawned `detached`): the group is killed, so children that
 *   outlive a launcher script go too. A process that leads no group (or whose group is gone) is killed alone.
 */
export const killTree = (
	pid: number,
	{ platform = process.platform, spawn = nodeSpawn, kill = process.kill, waitMs = 5000 }: KillTreeOptions = {},
): Promise<void> => {
	// 0 and 1 as -pid would mean our own group and every process we may signal: never a tree of ours
	if (!Number.isInteger(pid) || pid <= 1) return Promise.resolve();
	if (platform === 'win32') {
		return new Promise((resolve) => {
			const taskkill = spawn('taskkill', ['/PID', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
			// taskkill exits 128 when the process is already gone: nothing left to do either way
			taskkill.once('exit', () => resolve());
			taskkill.once('error', () => resolve());
		});
	}
	try {
		kill(-pid, 'SIGKILL');
	} catch {
		// no such group (ESRCH: the process leads none, or it is gone): the process alone
		try {
			kill(pid, 'SIGKILL');
		} catch {
			// already gone
		}
		return Promise.resolve();
	}
	return groupGone(pid, kill, waitMs);
};

/** Resolves once no process of the group is left (killed processes linger until reaped), or after `waitMs`. */
const groupGone = async (pid: number, kill: NonNullable<KillTreeOptions['kill']>, waitMs: number): Promise<void> => {
	for (let waited = 0; waited < waitMs; waited += 20) {
		try {
			kill(-pid, 0);
		} catch {
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
};
