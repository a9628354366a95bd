import { spawn } from 'node:child_process';

/** The id of a process that has already exited: what a killed run leaves its name on. */
export const deadPid = (): Promise<number> =>
	new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
		child.on('error', reject);
		child.on('exit', () => resolve(child.pid!));
	});
