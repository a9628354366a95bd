import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { killTree } from '../../node/kill-tree';
import { PROJECT_ROOT } from '../../node/project-root';
import type { Job, JobProgress, JobStore } from './job-store';
import type { PackageOutput, WorkerEvent, WorkerTask } from './job-task';

/** The worker's entry, run through tsx like every CLI. */
const WORKER_ENTRY = path.join(PROJECT_ROOT, 'src/server/worker/job-worker.ts');

/** How long a stopped job's process may take to close its browsers before it is killed. */
const STOP_GRACE_MS = 4000;
/** How often the store is read for what other processes on it did. */
const POLL_MS = 2000;
/** Frame progress is written and sent at most this often. */
const FRAMES_EVERY_MS = 500;

export const jobFolder = (outDir: string, id: string) => path.join(outDir, '.server', 'jobs', id);

/** The run a job's row asks for, as a worker task. */
export const taskFor = (job: Job, outDir: string): WorkerTask => {
	const jobDir = jobFolder(outDir, job.id);
	const base = { outDir, jobDir, ...job.options, redo: job.redo };
	if (job.action === 'make' && job.input.kind !== 'script') {
		return { ...base, action: 'make', source: job.input.kind === 'topic' ? { topic: job.input.topic } : { from: job.input.articleFile } };
	}
	const scriptFile = job.scriptFile ?? (job.input.kind === 'script' ? job.input.scriptFile : null);
	if (!scriptFile) throw new Error(`job ${job.id} has no script yet; it must be made first`);
	return { ...base, action: job.action === 'make' ? 'render' : job.action, scriptFile };
};

type Running = { readonly child: ChildProcess; cancelled: boolean; outputs: readonly PackageOutput[] | null; failure: Job['error']; lastFrames: number };

export type JobQueueOptions = {
	readonly store: JobStore;
	readonly outDir: string;
	/** Jobs run at once (default 1: one render uses both cores of a small machine). */
	readonly concurrency?: number;
	/** Where a job's process writes its log lines (default: this process's stderr). */
	readonly log?: (line: string) => void;
};

/**
 * Runs queued jobs, a bounded number at once, each in a worker process of its own group. Every change goes to the
 * store first, then to listeners (`job` events). Cancelling stops the job's process group (browsers, ffmpeg);
 * stopping the queue stops every worker and leaves their jobs running in the store, to resume at the next start.
 */
export class JobQueue extends EventEmitter<{ job: [Job] }> {
	private readonly running = new Map<string, Running>();
	private stopped = false;
	private timer: NodeJS.Timeout | null = null;
	private readonly concurrency: number;
	private readonly log: (line: string) => void;

	constructor(private readonly options: JobQueueOptions) {
		super();
		this.concurrency = Math.max(1, options.concurrency ?? 1);
		this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
	}

	start(): void {
		const { store } = this.options;
		const resumed = store.requeueOrphans({ atStart: true });
		if (resumed > 0) this.log(`serve: ${resumed} job${resumed === 1 ? '' : 's'} stopped with the last server queued again; they resume from the cache`);
		this.pump();
		// another process on the same store (an MCP server beside this server) queues and runs jobs too: take its new
		// jobs when a slot is free, its dead runs back into the queue, and pass its changes on to listeners
		let seen = new Date(0).toISOString();
		this.timer = setInterval(() => {
			if (this.stopped) return;
			store.requeueOrphans();
			for (const job of store.changedSince(seen)) {
				seen = job.updatedAt;
				if (!this.running.has(job.id)) this.changed(job);
			}
			this.pump();
		}, POLL_MS);
		this.timer.unref();
	}

	/** Called after a job was queued: runs it when a slot is free. */
	pump(): void {
		while (!this.stopped && this.running.size < this.concurrency) {
			const job = this.options.store.claim();
			if (!job) return;
			this.changed(job);
			this.run(job);
		}
	}

	runningCount(): number {
		return this.running.size;
	}

	/** Cancels a queued or running job; resolves once a running one's processes have stopped. */
	async cancel(id: string): Promise<Job | null> {
		const { store } = this.options;
		if (store.cancelQueued(id)) return this.changed(store.get(id)!);
		const running = this.running.get(id);
		if (!running) return store.get(id);
		running.cancelled = true;
		await this.stopProcess(running.child);
		return store.get(id);
	}

	/** Stops every worker (the jobs stay `running` in the store and resume at the next start). */
	async stop(): Promise<void> {
		this.stopped = true;
		if (this.timer) clearInterval(this.timer);
		await Promise.all([...this.running.values()].map((r) => this.stopProcess(r.child)));
	}

	private changed(job: Job): Job {
		this.emit('job', job);
		return job;
	}

	private update(id: string, fields: Parameters<JobStore['update']>[1]): void {
		const job = this.options.store.update(id, fields);
		if (job) this.changed(job);
	}

	private stopProcess(child: ChildProcess): Promise<void> {
		if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
		return new Promise((resolve) => {
			child.once('exit', () => resolve());
			const killAll = () => void killTree(child.pid ?? 0);
			// Windows has no SIGTERM to send (Node would end the worker at once, orphaning its browsers): the whole
			// tree ends now, through the worker; what it leaves in the temp folder the next run sweeps
			if (process.platform === 'win32') return killAll();
			try {
				process.kill(-child.pid!, 'SIGTERM');
			} catch {
				// the group is gone
			}
			setTimeout(killAll, STOP_GRACE_MS).unref();
		});
	}

	private run(job: Job): void {
		let task: WorkerTask;
		try {
			task = taskFor(job, this.options.outDir);
		} catch (error) {
			this.update(job.id, { state: 'failed', error: { message: (error as Error).message, problems: [] } });
			return;
		}
		const options: ForkOptions & { windowsHide: boolean } = {
			cwd: PROJECT_ROOT,
			execArgv: ['--import', 'tsx'],
			// a group of its own: cancelling stops the job's browsers and ffmpeg with it
			detached: true,
			// fork passes this on to spawn (its types leave it out): no console window for the worker on Windows
			windowsHide: true,
			stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
			env: { ...process.env, FORCE_COLOR: '0' },
		};
		const child = fork(WORKER_ENTRY, [], options);
		const running: Running = { child, cancelled: false, outputs: null, failure: null, lastFrames: 0 };
		this.running.set(job.id, running);
		let progress: JobProgress = {};
		const forward = (data: Buffer) => {
			for (const line of data.toString().split('\n')) if (line.trim() !== '') this.log(`job ${job.id}: ${line}`);
		};
		child.stdout!.on('data', forward);
		child.stderr!.on('data', forward);
		child.on('message', (event: WorkerEvent) => {
			if (event.type === 'stage') {
				progress = { ...progress, stage: event.stage, message: event.message, stages: { ...progress.stages, [event.stage]: event.message } };
				this.update(job.id, { state: `running:${event.stage}`, progress });
			} else if (event.type === 'frames') {
				progress = { ...progress, stage: 'render', renderedFrames: event.renderedFrames, totalFrames: event.totalFrames };
				const now = performance.now();
				if (now - running.lastFrames >= FRAMES_EVERY_MS || event.renderedFrames === event.totalFrames) {
					running.lastFrames = now;
					this.update(job.id, { state: 'running:render', progress });
				}
			} else if (event.type === 'script') {
				this.update(job.id, { slug: event.slug, scriptFile: event.scriptFile });
			} else if (event.type === 'done') {
				running.outputs = event.outputs;
			} else {
				running.failure = { message: event.message, problems: event.problems };
			}
		});
		child.send(task);
		child.on('exit', (code, signal) => {
			this.running.delete(job.id);
			if (this.stopped) return;
			if (running.cancelled) {
				this.update(job.id, { state: 'cancelled', progress: { ...progress, message: 'cancelled' } });
			} else if (code === 0 && running.outputs) {
				// a new take renders nothing: the job keeps the packages it had
				this.update(job.id, {
					state: 'done',
					...(running.outputs.length > 0 ? { outputs: running.outputs } : {}),
					progress: { ...progress, message: 'done' },
				});
			} else {
				const failure = running.failure ?? { message: `the job's process ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}`, problems: [] };
				this.update(job.id, { state: 'failed', error: failure });
			}
			this.pump();
		});
	}
}
