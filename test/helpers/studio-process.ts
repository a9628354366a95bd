import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './run-command';

export type StudioProcess = {
	readonly url: string;
	/** Everything the launcher and Remotion Studio printed so far. */
	readonly output: () => string;
	/** Resolves once the output matches, or rejects after `timeoutMs`. */
	readonly waitFor: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>;
	readonly stop: () => Promise<void>;
};

/** `npm run studio -- ARGS --no-open` as a person starts it (tsx, same flags), in its own process group. */
export const startStudio = async (args: readonly string[]): Promise<StudioProcess> => {
	const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/studio.ts'), ...args, '--no-open'], {
		cwd: ROOT,
		env: { ...process.env, FORCE_COLOR: '0' },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let text = '';
	const listeners = new Set<() => void>();
	const append = (d: Buffer) => {
		// Remotion underlines links even without colours
		text += d.toString().replace(/\x1b\[[0-9;]*m/g, '');
		for (const listener of listeners) listener();
	};
	child.stdout!.on('data', append);
	child.stderr!.on('data', append);
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	const waitFor = (pattern: RegExp, timeoutMs: number) =>
		new Promise<RegExpMatchArray>((resolve, reject) => {
			const check = () => {
				const match = text.match(pattern);
				if (!match) return;
				cleanup();
				resolve(match);
			};
			const timer = setTimeout(() => {
				cleanup();
				reject(new Error(`the Studio did not print ${pattern} within ${timeoutMs} ms; it printed:\n${text.slice(-3000)}`));
			}, timeoutMs);
			const onExit = () => {
				cleanup();
				reject(new Error(`the Studio exited before printing ${pattern}; it printed:\n${text.slice(-3000)}`));
			};
			const cleanup = () => {
				clearTimeout(timer);
				listeners.delete(check);
				child.off('exit', onExit);
			};
			listeners.add(check);
			child.once('exit', onExit);
			check();
		});
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			try {
				process.kill(-child.pid!, 'SIGTERM');
			} catch {
				// already gone
			}
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// stopped by the SIGTERM
			}
		}
	};
	try {
		const [, port] = await waitFor(/Server ready - Local: http:\/\/localhost:(\d+)/, 120_000);
		return { url: `http://127.0.0.1:${port}`, output: () => text, waitFor, stop };
	} catch (error) {
		await stop();
		throw error;
	}
};
