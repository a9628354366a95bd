import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock, LockHeldError } from '../src/node/run-lock';
import { ownedKinds } from '../src/node/owned-resources';
import { deadPid } from './helpers/dead-pid';
import { makeTempDir } from './helpers/temp-dir';

describe('one run per video folder', () => {
	it('holds the folder with a lock file naming this process, and releasing removes it and the folders it made', async () => {
		const root = await makeTempDir('reelsmith-lock-');
		const folder = path.join(root, 'out', 'slug');
		const release = await acquireRunLock(folder, { wait: false });
		expect((await readFile(path.join(folder, '.lock'), 'utf8')).trim()).toBe(String(process.pid));
		expect(ownedKinds()).toContain('lock');
		await release();
		expect(ownedKinds()).not.toContain('lock');
		expect(existsSync(path.join(root, 'out'))).toBe(false);
		expect(existsSync(root)).toBe(true);
	});

	it('a folder that existed stays when the lock goes', async () => {
		const root = await makeTempDir('reelsmith-lock-');
		const release = await acquireRunLock(root, { wait: false });
		await release();
		expect(existsSync(root)).toBe(true);
		expect(existsSync(path.join(root, '.lock'))).toBe(false);
	});

	it('refuses a second holder with --no-wait, naming the holder', async () => {
		const root = await makeTempDir('reelsmith-lock-');
		const release = await acquireRunLock(root, { wait: false });
		const refused = await acquireRunLock(root, { wait: false }).catch((error: unknown) => error);
		expect(refused).toBeInstanceOf(LockHeldError);
		expect((refused as LockHeldError).holderPid).toBe(process.pid);
		expect((refused as Error).message).toContain(`pid ${process.pid}`);
		await release();
	});

	it('a waiting run says so once and goes on when the holder releases', async () => {
		const root = await makeTempDir('reelsmith-lock-');
		const release = await acquireRunLock(root, { wait: false });
		const waits: number[] = [];
		const second = acquireRunLock(root, { wait: true, pollMs: 20, onWait: (pid) => waits.push(pid) });
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(waits).toEqual([process.pid]);
		await release();
		const releaseSecond = await second;
		expect((await readFile(path.join(root, '.lock'), 'utf8')).trim()).toBe(String(process.pid));
		expect(waits).toHaveLength(1);
		await releaseSecond();
	});

	it('takes over a lock whose process is gone, or that holds no pid', async () => {
		const root = await makeTempDir('reelsmith-lock-');
		await mkdir(root, { recursive: true });
		for (const content of [`${await deadPid()}\n`, 'not a pid\n']) {
			await writeFile(path.join(root, '.lock'), content);
			const release = await acquireRunLock(root, { wait: false });
			expect((await readFile(path.join(root, '.lock'), 'utf8')).trim()).toBe(String(process.pid));
			await release();
		}
	});

	it('of many runs racing for a stale lock, exactly one holds it at a time', async () => {
		const root = await makeTempDir('reelsmith-lock-');
		await writeFile(path.join(root, '.lock'), `${await deadPid()}\n`);
		let inside = 0;
		let most = 0;
		await Promise.all(
			Array.from({ length: 8 }, async () => {
				const release = await acquireRunLock(root, { wait: true, pollMs: 5 });
				inside += 1;
				most = Math.max(most, inside);
				await new Promise((resolve) => setTimeout(resolve, 10));
				inside -= 1;
				await release();
			}),
		);
		expect(most).toBe(1);
	});
});
