import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

describe('the test run temp folder', () => {
	it("is the run's own folder in the test worker", () => {
		const dir = inject('privateTmpdir');
		expect(path.basename(dir)).toMatch(/^reelsmith-tests-\d+-[A-Za-z0-9]{6}$/);
		expect(os.tmpdir()).toBe(dir);
	});

	it('is inherited by the processes a test spawns', async () => {
		const { stdout } = await promisify(execFile)(process.execPath, ['-p', 'require("node:os").tmpdir()']);
		expect(stdout.trim()).toBe(inject('privateTmpdir'));
	});
});
