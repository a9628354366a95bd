import { rmSync, rmdirSync } from 'node:fs';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { own } from './owned-resources';
import { partialPathFor } from './partial-path';
import { processAlive } from './process-alive';

export type RunLockOptions = {
	/** false: refuse at once when another live run holds the lock (`--no-wait`). */
	readonly wait: boolean;
	/** Said once when this run starts waiting, with the holder's pid. */
	readonly onWait?: (holderPid: number) => void;
	readonly pollMs?: number;
};

/** Another live run holds the lock and the caller asked not to wait. */
export class LockHeldError extends Error {
	constructor(
		readonly lockFile: string,
		readonly holderPid: number,
	) {
		super(
			`${path.dirname(lockFile)} is being made by another run (pid ${holderPid}); wait for it to finish, run again without --no-wait to queue behind it, or use another --out`,
		);
		this.name = 'LockHeldError';
	}
}

const holderOf = async (file: string): Promise<number | null> => {
	const text = await readFile(file, 'utf8').catch(() => null);
	if (text === null) return null;
	const pid = Number(text.trim());
	// a garbled lock was not written by us: nobody holds it
	return Number.isInteger(pid) && pid > 0 ? pid : 0;
};

/**
 * Creates `file` holding this pid, or returns false when it exists. The pid is written first to a file of
 * our own and then hard-linked into place, which fails when the target exists (as O_EXCL does): a reader
 * never sees a lock without its pid.
 */
let attempts = 0;

const createExclusive = async (file: string): Promise<boolean> => {
	const mine = partialPathFor(file, String(attempts++));
	await writeFile(mine, `${process.pid}\n`);
	try {
		await link(mine, file);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	} finally {
		await rm(mine, { force: true });
	}
};

/**
 * Removes a lock whose holder is gone. Two runs may find the same stale lock at once: only the one that
 * creates `<lock>.takeover` (O_EXCL) removes it, after checking the holder is still the dead one.
 */
const takeOverStale = async (file: string, stalePid: number): Promise<void> => {
	const guard = `${file}.takeover`;
	if (!(await createExclusive(guard))) {
		const guardHolder = await holderOf(guard);
		if (guardHolder !== null && !processAlive(guardHolder)) await rm(guard, { force: true });
		return;
	}
	try {
		if ((await holderOf(file)) === stalePid) await rm(file, { force: true });
	} finally {
		await rm(guard, { force: true });
	}
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The empty folders the lock made for itself go with it: a refused run leaves nothing behind. */
const removeEmptyUpTo = (dir: string, top: string | undefined) => {
	if (!top) return;
	for (let current = dir; current.startsWith(top); current = path.dirname(current)) {
		try {
			rmdirSync(current);
		} catch {
			return;
		}
		if (current === top) return;
	}
};

/**
 * One run at a time per folder: `<dir>/.lock` is created exclusively (as with O_EXCL) and holds this process's id. A lock
 * whose process is gone (a run killed with -9) is taken over; a live holder is waited for, or refused with
 * LockHeldError. Returns the release, which a signal or crash also runs.
 */
export const acquireRunLock = async (dir: string, options: RunLockOptions): Promise<() => Promise<void>> => {
	const file = path.join(dir, '.lock');
	const created = await mkdir(dir, { recursive: true });
	let told = false;
	for (;;) {
		if (await createExclusive(file)) break;
		const holder = await holderOf(file);
		if (holder === null) continue;
		if (holder === 0 || !processAlive(holder)) {
			await takeOverStale(file, holder);
			continue;
		}
		if (!options.wait) throw new LockHeldError(file, holder);
		if (!told) options.onWait?.(holder);
		told = true;
		await sleep(options.pollMs ?? 500);
	}
	const releaseNow = () => {
		rmSync(file, { force: true });
		removeEmptyUpTo(dir, created);
	};
	const disown = own({ kind: 'lock', release: releaseNow, releaseNow });
	return async () => {
		disown();
		releaseNow();
	};
};
