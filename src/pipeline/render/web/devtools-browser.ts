import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Flags for rendering on a CPU: no GPU, no throttling of a page nobody looks at, audio allowed to start. */
const BROWSER_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-timer-throttling',
	'--disable-backgrounding-occluded-windows',
	'--disable-renderer-backgrounding',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-default-apps',
	'--disable-extensions',
	'--no-first-run',
	'--mute-audio',
	'--hide-scrollbars',
	'--force-color-profile=srgb',
	'--autoplay-policy=no-user-gesture-required',
	'--remote-debugging-pipe',
	// the GPU service as a thread of the browser process and no zygote: ~120 MB less per browser, renderer untouched
	'--in-process-gpu',
	'--no-zygote',
	// and the network service (it only serves 127.0.0.1 here) in the browser process: one process less, ~70 MB
	'--enable-features=NetworkServiceInProcess2',
];

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string };
type EventHandler = (params: Record<string, unknown>, sessionId: string | undefined) => void;

/**
 * A headless browser driven over the DevTools protocol on a pipe (no port to collide with).
 * Only what the in-browser renderer needs: open a page, evaluate, receive binding calls.
 */
export class DevtoolsBrowser {
	private nextId = 0;
	private readonly pending = new Map<number, Pending>();
	private readonly handlers = new Map<string, EventHandler[]>();
	private exited: Error | null = null;

	private constructor(
		private readonly child: ChildProcess,
		private readonly input: Writable,
		output: Readable,
		private readonly profileDir: string,
	) {
		let buffered = '';
		output.setEncoding('utf8');
		output.on('data', (chunk: string) => {
			buffered += chunk;
			let end: number;
			while ((end = buffered.indexOf('\0')) >= 0) {
				this.dispatch(JSON.parse(buffered.slice(0, end)));
				buffered = buffered.slice(end + 1);
			}
		});
		child.on('exit', (code, signal) => {
			this.exited = new Error(`the browser exited (${signal ?? `code ${code}`})`);
			for (const p of this.pending.values()) p.reject(this.exited);
			this.pending.clear();
		});
	}

	static async launch(executable: string, extraFlags: readonly string[] = []): Promise<DevtoolsBrowser> {
		const profileDir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-browser-'));
		// detached: the Debian launcher is a shell script, so the whole process group is what has to stop
		const child = spawn(executable, [...BROWSER_FLAGS, `--user-data-dir=${profileDir}`, ...extraFlags, 'about:blank'], {
			stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
			detached: true,
		});
		let stderr = '';
		child.stderr!.setEncoding('utf8');
		child.stderr!.on('data', (chunk: string) => {
			stderr = (stderr + chunk).slice(-4000);
		});
		const started = new Promise<void>((resolve, reject) => {
			child.once('error', (error) => reject(new Error(`could not start the browser ${executable}: ${error.message}`)));
			child.once('spawn', () => resolve());
		});
		await started;
		const browser = new DevtoolsBrowser(child, child.stdio[3] as Writable, child.stdio[4] as Readable, profileDir);
		try {
			await browser.send('Browser.getVersion');
		} catch (error) {
			await browser.close();
			throw new Error(`the browser ${executable} did not answer: ${(error as Error).message}\n${stderr.trim()}`);
		}
		return browser;
	}

	send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
		if (this.exited) return Promise.reject(this.exited);
		const id = ++this.nextId;
		const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
			this.input.write(`${message}\0`);
		});
	}

	on(event: string, handler: EventHandler): void {
		this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
	}

	/** The browser's first page (no second renderer for a new tab), attached with its own session id. */
	async openPage(): Promise<string> {
		const { targetInfos } = await this.send<{ targetInfos: { targetId: string; type: string }[] }>('Target.getTargets');
		const existing = targetInfos.find((t) => t.type === 'page');
		const targetId = existing?.targetId ?? (await this.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })).targetId;
		const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
		return sessionId;
	}

	async close(): Promise<void> {
		if (!this.exited) {
			await Promise.race([this.send('Browser.close').catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
			try {
				process.kill(-this.child.pid!, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		await rm(this.profileDir, { recursive: true, force: true });
	}

	private dispatch(message: { id?: number; method?: string; params?: Record<string, unknown>; sessionId?: string; result?: unknown; error?: { message: string } }) {
		if (message.id !== undefined) {
			const pending = this.pending.get(message.id);
			if (!pending) return;
			this.pending.delete(message.id);
			if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
			else pending.resolve(message.result);
			return;
		}
		for (const handler of this.handlers.get(message.method ?? '') ?? []) handler(message.params ?? {}, message.sessionId);
	}
}
