import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { sweepStaleTempDirs } from '../../src/node/stale-partials';

declare module 'vitest' {
	export interface ProvidedContext {
		privateTmpdir: string;
	}
}

/**
 * Made on every run by design by tools that are not ours, so their presence says nothing about our cleanup:
 * tsx-<uid>: tsx's compile cache, written by every CLI the tests spawn through tsx.
 */
const TOOL_CACHES = [/^tsx-\d+$/];

/** What is left in `dir` that is not a tool cache. */
const leftoversIn = (dir: string): string[] => readdirSync(dir).filter((name) => !TOOL_CACHES.some((cache) => cache.test(name)));

/**
 * Gives the run its own temp folder (TMPDIR, inherited by the workers and every process they spawn), and at the
 * end fails the run naming whatever a test, or code under test, left in it. The folder's name carries our pid,
 * so a killed run's folder is removed by the next run's sweep, like any other temp folder of ours.
 */
export default async (project: TestProject) => {
	const outerTmpdir = process.env.TMPDIR;
	await sweepStaleTempDirs(os.tmpdir());
	const dir = mkdtempSync(path.join(os.tmpdir(), `reelsmith-tests-${process.pid}-`));
	process.env.TMPDIR = dir;
	project.provide('privateTmpdir', dir);
	return () => {
		const leftovers = leftoversIn(dir);
		rmSync(dir, { recursive: true, force: true });
		if (outerTmpdir === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = outerTmpdir;
		if (leftovers.length === 0) return;
		// an error thrown here is only logged by vitest, it does not change the exit code
		process.exitCode = 1;
		throw new Error(
			`the tests left ${leftovers.length} thing(s) in the temp folder: ${leftovers.join(', ')}; remove them in afterAll/afterEach (test/helpers/temp-dir.ts does it for folders it makes)`,
		);
	};
};
