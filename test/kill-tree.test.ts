import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { killTree, type SpawnFn } from '../src/node/kill-tree';

/** Whether a process id is gone (ESRCH); a killed process counts as here until it is reaped. */
const gone = (pid: number) => {
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
};

const until = async (check: () => boolean, ms = 5000) => {
	for (const end = performance.now() + ms; !check() && performance.now() < end;) await new Promise((r) => setTimeout(r, 20));
	return check();
};

/** Processes a test started, killed after it whatever happened. */
const started: number[] = [];
afterEach(() => {
	for (const pid of started.splice(0)) {
		for (const target of [-pid, pid]) {
			try {
				process.kill(target, 'SIGKILL');
			} catch {
				// gone, as it should be
			}
		}
	}
});

describe('killTree on Windows', () => {
	it('runs taskkill /PID <pid> /T /F, hidden, and resolves when it exits', async () => {
		const calls: unknown[][] = [];
		const taskkill = new EventEmitter();
		const fakeSpawn: SpawnFn = (...args) => {
			calls.push(args);
			return taskkill;
		};
		const killed = killTree(4242, { platform: 'win32', spawn: fakeSpawn, kill: () => expect.fail('no POSIX signal on Windows') });
		expect(calls).toEqual([['taskkill', ['/PID', '4242', '/T', '/F'], { stdio: 'ignore', windowsHide: true }]]);
		taskkill.emit('exit', 128);
		await expect(killed).resolves.toBeUndefined();
	});

	it('resolves too when taskkill cannot be started', async () => {
		const taskkill = new EventEmitter();
		const killed = killTree(4242, { platform: 'win32', spawn: () => taskkill });
		taskkill.emit('error', new Error('spawn taskkill ENOENT'));
		await expect(killed).resolves.toBeUndefined();
	});
});

describe('killTree elsewhere', () => {
	it('kills the process group: a detached shell and the child it started are both gone', async () => {
		const shell = spawn('sh', ['-c', 'sleep 60 & echo $!; sleep 60'], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
		started.push(shell.pid!);
		const grandchild = Number(await new Promise<string>((resolve) => shell.stdout.once('data', (d) => resolve(String(d).trim()))));
		expect(gone(grandchild)).toBe(false);
		await killTree(shell.pid!);
		expect(await until(() => gone(shell.pid!) && gone(grandchild))).toBe(true);
	});

	it('kills the process alone when it leads no group (ESRCH for the group)', async () => {
		const signals: [number, NodeJS.Signals | 0][] = [];
		const kill = (pid: number, signal: NodeJS.Signals | 0) => {
			signals.push([pid, signal]);
			if (pid < 0) throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
		};
		await killTree(777, { platform: 'linux', kill });
		expect(signals).toEqual([
			[-777, 'SIGKILL'],
			[777, 'SIGKILL'],
		]);
	});

	it('never signals our own group or every process (pid 0, 1 or none)', async () => {
		for (const pid of [0, 1, -5, Number.NaN]) await killTree(pid, { platform: 'linux', kill: () => expect.fail(`signalled for ${pid}`) });
	});
});
