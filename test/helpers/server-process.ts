import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './run-command';

export type ServerProcess = {
	readonly url: string;
	readonly pid: number;
	readonly output: () => string;
	readonly stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

/** `npm run serve -- ARGS --port 0` as a person starts it, in its own process group; resolves once it listens. */
export const startServer = async (args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<ServerProcess> => {
	const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/serve.ts'), '--port', '0', ...args], {
		cwd: ROOT,
		env: { ...env, FORCE_COLOR: '0' },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let text = '';
	child.stdout.on('data', (d: Buffer) => (text += d.toString()));
	child.stderr.on('data', (d: Buffer) => (text += d.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
		if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
		try {
			process.kill(signal === 'SIGKILL' ? -child.pid! : child.pid!, signal);
		} catch {
			// gone
		}
		return Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
	};
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setInterval(() => {
			const match = /listening on (http:\/\/\S+:\d+)/.exec(text);
			if (match) {
				clearInterval(timer);
				resolve(match[1]!);
			}
		}, 100);
		void exited.then((code) => {
			clearInterval(timer);
			reject(new Error(`the server exited with ${code} before listening:\n${text}`));
		});
	});
	return { url, pid: child.pid!, output: () => text, stop };
};
