import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { killTree } from '../../../node/kill-tree';
import { own } from '../../../node/owned-resources';
import { makeOwnedTempDir, type OwnedTempDir } from '../../../node/owned-temp-dir';
import { BROWSER_FLAGS } from './browser-flags';
import { keepTail, readDevtoolsMessages, type DevtoolsMessage } from './devtools-pipe';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string; sessionId: string | undefined };
type EventHandler = (params: Record<string, unknown>, sessionId: string | undefined) => void;

/** Chromium's stderr kept for the log file a failure names: the tail is where the cause is. */
const STDERR_TAIL_BYTES = 64 * 1024;
/** A started Chromium answers its first DevTools call within a second or two, even on a loaded machine. */
const LAUNCH_ANSWER_MS = 30_000;

/**
 * A headless browser driven over the DevTools protocol on a pipe (no port to collide with).
 * Only what the in-browser renderer needs: open a page, evaluate, receive binding calls. A crashed page,
 * a closed pipe or an exited browser fails every call waiting on it at once, never leaving one hanging.
 */
export class DevtoolsBrowser {
	private nextId = 0;
	private readonly pending = new Map<number, Pending>();
	private readonly handlers = new Map<string, EventHandler[]>();
	/** Why the whole browser is unusable, once it is. */
	private gone: Error | null = null;
	/** Pages that crashed or went away, with why. */
	private readonly deadSessions = new Map<string, Error>();
	private readonly stderrTail: () => string;
	private readonly disown: () => void;

	private constructor(
		private readonly child: ChildProcess,
		private readonly input: Writable,
		output: Readable,
		private readonly profile: OwnedTempDir,
	) {
		readDevtoolsMessages(
			output,
			(message) => this.dispatch(message),
			(reason) => this.fail(reason),
		);
		input.on('error', (error) => this.fail(new Error(`writing to the browser failed: ${error.message}`)));
		this.stderrTail = keepTail(child.stderr, STDERR_TAIL_BYTES);
		child.on('exit', (code, signal) => this.fail(new Error(`the browser exited (${signal ?? `code ${code}`})`)));
		this.on(
			'Inspector.targetCrashed',
			(_params, sessionId) => sessionId && this.failSession(sessionId, new Error('the page crashed (its renderer process is gone)')),
		);
		this.on('Target.detachedFromTarget', (params) => {
			const sessionId = params.sessionId as string | undefined;
			if (sessionId) this.failSession(sessionId, new Error('the page was closed or crashed'));
		});
		const killNow = () => void killTree(this.child.pid ?? 0);
		this.disown = own({ kind: 'browser', release: () => this.close(), releaseNow: killNow });
	}

	static async launch(executable: string, extraFlags: readonly string[] = []): Promise<DevtoolsBrowser> {
		const profile = makeOwnedTempDir('browser');
		// detached: the Debian launcher is a shell script, so the whole process group is what has to stop (killTree);
		// on Windows, where detached means a console of its own, that console is hidden
		const child = spawn(executable, [...BROWSER_FLAGS, `--user-data-dir=${profile.path}`, ...extraFlags, 'about:blank'], {
			stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
			detached: true,
			windowsHide: true,
		});
		const started = new Promise<void>((resolve, reject) => {
			child.once('error', (error) => reject(new Error(`could not start the browser ${executable}: ${error.message}`)));
			child.once('spawn', () => resolve());
		});
		try {
			await started;
		} catch (error) {
			await profile.remove();
			throw error;
		}
		const browser = new DevtoolsBrowser(child, child.stdio[3] as Writable, child.stdio[4] as Readable, profile);
		let timer: NodeJS.Timeout | undefined;
		try {
			// a program that is no browser may neither answer nor exit: the wait is bounded
			const silent = new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error(`no answer within ${LAUNCH_ANSWER_MS / 1000} s`)), LAUNCH_ANSWER_MS);
			});
			await Promise.race([browser.send('Browser.getVersion'), silent]);
		} catch (error) {
			await browser.close();
			throw new Error(`the browser ${executable} did not answer: ${(error as Error).message}\n${browser.stderrTail().trim().slice(-2000)}`);
		} finally {
			clearTimeout(timer);
		}
		return browser;
	}

	/** The browser's profile folder, a temp folder removed on close. */
	get profileDir(): string {
		return this.profile.path;
	}

	/** The browser's process id (the launcher's, which leads its process group). */
	get pid(): number | undefined {
		return this.child.pid;
	}

	send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
		const dead = this.gone ?? (sessionId ? this.deadSessions.get(sessionId) : undefined);
		if (dead) return Promise.reject(dead);
		const id = ++this.nextId;
		const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method, sessionId });
			this.input.write(`${message}\0`);
		});
	}

	on(event: string, handler: EventHandler): void {
		this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
	}

	/** The browser's first page (no second renderer for a new tab), attached with its own session id; crashes are reported. */
	async openPage(): Promise<string> {
		const { targetInfos } = await this.send<{ targetInfos: { targetId: string; type: string }[] }>('Target.getTargets');
		const existing = targetInfos.find((t) => t.type === 'page');
		const targetId = existing?.targetId ?? (await this.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })).targetId;
		const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
		await this.send('Inspector.enable', {}, sessionId);
		return sessionId;
	}

	/** Why a session can no longer answer, if it can't: the page crashed, or the whole browser is gone. */
	deadReason(sessionId: string): Error | null {
		return this.gone ?? this.deadSessions.get(sessionId) ?? null;
	}

	/** Writes the tail of Chromium's stderr to a file, for the failure message to name. */
	async writeLog(file: string): Promise<string> {
		await writeFile(file, this.stderrTail() || '(the browser wrote nothing on stderr)\n');
		return file;
	}

	/**
	 * Kills the browser and every process it started (its profile is a throwaway: nothing to shut down politely),
	 * waits until they are gone (up to 5 s), so a closed browser is really gone, and removes the profile.
	 */
	async close(): Promise<void> {
		this.fail(new Error('the browser was closed'));
		await killTree(this.child.pid ?? 0);
		await this.profile.remove();
		this.disown();
	}

	private fail(reason: Error): void {
		if (this.gone) return;
		this.gone = reason;
		for (const p of this.pending.values()) p.reject(reason);
		this.pending.clear();
	}

	private failSession(sessionId: string, reason: Error): void {
		if (this.deadSessions.has(sessionId)) return;
		this.deadSessions.set(sessionId, reason);
		for (const [id, p] of this.pending) {
			if (p.sessionId !== sessionId) continue;
			this.pending.delete(id);
			p.reject(reason);
		}
	}

	private dispatch(message: DevtoolsMessage) {
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
