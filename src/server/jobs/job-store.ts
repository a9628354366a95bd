import Database from 'better-sqlite3';
import { processAlive } from '../../node/process-alive';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../schema/problems';
import type { JobAction, JobStage, PackageOutput, WorkerTask } from './job-task';

export type JobState = 'created' | 'queued' | `running:${JobStage}` | 'done' | 'failed' | 'cancelled';

/** What the job was asked to make from. */
export type JobInput =
	| { readonly kind: 'script'; readonly scriptFile: string }
	| { readonly kind: 'topic'; readonly topic: string }
	| { readonly kind: 'article'; readonly articleFile: string };

export type JobOptions = Pick<WorkerTask, 'platforms' | 'providers' | 'draft' | 'renderer' | 'maxCost' | 'durationSeconds' | 'style' | 'musicFile'>;

export type JobProgress = {
	readonly stage?: JobStage;
	readonly message?: string;
	readonly renderedFrames?: number;
	readonly totalFrames?: number;
	/** Per stage: what it reported last. */
	readonly stages?: Partial<Record<JobStage, string>>;
};

export type Job = {
	readonly id: string;
	readonly input: JobInput;
	readonly options: JobOptions;
	/** The run queued or running now, or the last one. */
	readonly action: JobAction;
	readonly redo: readonly string[];
	readonly state: JobState;
	readonly progress: JobProgress;
	readonly error: { readonly message: string; readonly problems: readonly Problem[] } | null;
	/** Known once the script is: the video's folder name and the script file runs render from. */
	readonly slug: string | null;
	readonly scriptFile: string | null;
	readonly outputs: readonly PackageOutput[];
	/** The process that runs it now (a server or an MCP server on the same store). */
	readonly runnerPid: number | null;
	readonly createdAt: string;
	readonly updatedAt: string;
};

type Row = {
	id: number;
	input: string;
	options: string;
	action: JobAction;
	redo: string;
	state: JobState;
	progress: string;
	error: string | null;
	slug: string | null;
	script_file: string | null;
	outputs: string;
	runner_pid: number | null;
	created_at: string;
	updated_at: string;
};

const toJob = (row: Row): Job => ({
	id: String(row.id),
	input: JSON.parse(row.input) as JobInput,
	options: JSON.parse(row.options) as JobOptions,
	action: row.action,
	redo: JSON.parse(row.redo) as string[],
	state: row.state,
	progress: JSON.parse(row.progress) as JobProgress,
	error: row.error ? (JSON.parse(row.error) as Job['error']) : null,
	slug: row.slug,
	scriptFile: row.script_file,
	outputs: JSON.parse(row.outputs) as PackageOutput[],
	runnerPid: row.runner_pid,
	createdAt: row.created_at,
	updatedAt: row.updated_at,
});

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	input TEXT NOT NULL,
	options TEXT NOT NULL,
	action TEXT NOT NULL,
	redo TEXT NOT NULL DEFAULT '[]',
	state TEXT NOT NULL,
	progress TEXT NOT NULL DEFAULT '{}',
	error TEXT,
	slug TEXT,
	script_file TEXT,
	outputs TEXT NOT NULL DEFAULT '[]',
	runner_pid INTEGER,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_state ON jobs (state, id);
`;

/**
 * The durable job list: one SQLite file under the output folder (`DIR/.server/jobs.sqlite`), written in WAL mode,
 * every change one statement, so a killed server loses nothing it acknowledged. Ids are the row numbers.
 */
export class JobStore {
	private readonly db: Database.Database;

	constructor(
		readonly file: string,
		private readonly now: () => Date = () => new Date(),
	) {
		mkdirSync(path.dirname(file), { recursive: true });
		this.db = new Database(file);
		this.db.pragma('journal_mode = WAL');
		this.db.pragma('busy_timeout = 5000');
		this.db.exec(SCHEMA);
	}

	private stamp = () => this.now().toISOString();

	/** A new job; `created` (not yet claimable) while its files are written, then `queued`. */
	create(input: JobInput, options: JobOptions, action: JobAction, state: 'created' | 'queued' = 'queued'): Job {
		const at = this.stamp();
		const row = this.db
			.prepare('INSERT INTO jobs (input, options, action, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *')
			.get(JSON.stringify(input), JSON.stringify(options), action, state, at, at) as Row;
		return toJob(row);
	}

	/** Records where a new job's input was written (before it is queued). */
	setInput(id: string, input: JobInput, scriptFile: string | null): void {
		this.db.prepare('UPDATE jobs SET input = ?, script_file = ? WHERE id = ?').run(JSON.stringify(input), scriptFile, Number(id));
	}

	get(id: string): Job | null {
		if (!/^\d{1,15}$/.test(id)) return null;
		const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(Number(id)) as Row | undefined;
		return row ? toJob(row) : null;
	}

	/** Jobs changed after `since` (an ISO time from updatedAt), oldest change first: what another process on the store did. */
	changedSince(since: string): Job[] {
		return (this.db.prepare('SELECT * FROM jobs WHERE updated_at > ? ORDER BY updated_at').all(since) as Row[]).map(toJob);
	}

	/** Newest first. */
	list(limit = 100): Job[] {
		return (this.db.prepare('SELECT * FROM jobs ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(toJob);
	}

	/**
	 * Takes the oldest queued job for a run, atomically, so two processes on one store (a server and an MCP server)
	 * never run the same one; the job records which process runs it.
	 */
	claim(): Job | null {
		const row = this.db
			.prepare(
				"UPDATE jobs SET state = 'running:starting', progress = '{}', error = NULL, runner_pid = ?, updated_at = ? WHERE id = (SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1) RETURNING *",
			)
			.get(process.pid, this.stamp()) as Row | undefined;
		return row ? toJob(row) : null;
	}

	/**
	 * Jobs whose process is gone (a stopped or killed server) go back to the queue, to resume from the cache and the
	 * finished chunks; jobs another live process runs are left to it.
	 */
	requeueOrphans({ atStart = false } = {}): number {
		// at start, no job can be this process's own: one marked with its pid was a dead process's that had the same pid
		const orphans = (
			this.db.prepare("SELECT id, runner_pid FROM jobs WHERE state LIKE 'running:%'").all() as { id: number; runner_pid: number | null }[]
		).filter((row) => row.runner_pid === null || (row.runner_pid === process.pid ? atStart : !processAlive(row.runner_pid)));
		const requeue = this.db.prepare("UPDATE jobs SET state = 'queued', updated_at = ? WHERE id = ? AND state LIKE 'running:%'");
		return this.db.transaction(() => orphans.reduce((n, row) => n + requeue.run(this.stamp(), row.id).changes, 0))();
	}

	/** Queues another run of a job that is not queued or running; false when it is. */
	queueRun(id: string, action: JobAction, redo: readonly string[] = []): boolean {
		return (
			this.db
				.prepare(
					"UPDATE jobs SET action = ?, redo = ?, state = 'queued', error = NULL, updated_at = ? WHERE id = ? AND state NOT IN ('queued') AND state NOT LIKE 'running:%'",
				)
				.run(action, JSON.stringify(redo), this.stamp(), Number(id)).changes === 1
		);
	}

	update(id: string, fields: Partial<Pick<Job, 'state' | 'progress' | 'error' | 'slug' | 'scriptFile' | 'outputs'>>): Job | null {
		const columns: Record<string, unknown> = {};
		if (fields.state !== undefined) columns.state = fields.state;
		if (fields.progress !== undefined) columns.progress = JSON.stringify(fields.progress);
		if (fields.error !== undefined) columns.error = fields.error === null ? null : JSON.stringify(fields.error);
		if (fields.slug !== undefined) columns.slug = fields.slug;
		if (fields.scriptFile !== undefined) columns.script_file = fields.scriptFile;
		if (fields.outputs !== undefined) columns.outputs = JSON.stringify(fields.outputs);
		const names = Object.keys(columns);
		const row = this.db
			.prepare(
				`UPDATE jobs SET ${names.map((n) => `${n} = @${n}`).join(', ')}${names.length > 0 ? ', ' : ''}updated_at = @updated_at WHERE id = @id RETURNING *`,
			)
			.get({ ...columns, updated_at: this.stamp(), id: Number(id) }) as Row | undefined;
		return row ? toJob(row) : null;
	}

	/** A queued job is cancelled at once; a running one only by its runner, once its process has stopped. */
	cancelQueued(id: string): boolean {
		return this.db.prepare("UPDATE jobs SET state = 'cancelled', updated_at = ? WHERE id = ? AND state = 'queued'").run(this.stamp(), Number(id)).changes === 1;
	}

	close(): void {
		this.db.close();
	}
}
