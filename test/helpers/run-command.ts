import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export type CommandResult = { code: number | null; stdout: string; stderr: string };

/** Runs one of our CLIs the way a person does (through tsx), capturing output and exit code. */
export const runScript = (script: string, args: readonly string[], cwd = ROOT, env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> =>
	new Promise((resolve, reject) => {
		const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, script), ...args], {
			cwd,
			env: { ...env, FORCE_COLOR: '0' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('exit', (code) => resolve({ code, stdout, stderr }));
	});
