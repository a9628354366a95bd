import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signalExitCode, STOP_SIGNALS } from '../src/node/stop-signals';
import { ROOT } from './helpers/run-command';

describe('the signals that stop a run', () => {
	it('are Ctrl-C, kill, a closed terminal or console window and Ctrl-Break, each exiting 128 + its number, each with its why', () => {
		expect(STOP_SIGNALS.map(({ signal }) => [signal, signalExitCode(signal)])).toEqual([
			['SIGINT', 130],
			['SIGTERM', 143],
			['SIGHUP', 129],
			['SIGBREAK', 149],
		]);
		for (const { why } of STOP_SIGNALS) expect(why.length).toBeGreaterThan(20);
	});
});

/** Runs the fixture that installs handleShutdown; resolves with its temp folder once it owns one, and its end. */
const startHolder = (args: readonly string[]) => {
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/fixtures/cli/stop-on-signal.ts'), ...args], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr.on('data', (d) => (stderr += d));
	const temp = new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d).trim())));
	const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
	return { child, temp, exited };
};

describe('handleShutdown', () => {
	it.each([
		['SIGHUP', 'sent to it', 129],
		['SIGBREAK', 'emitted in it: only Windows sends it', 149],
	] as const)(
		'on %s (%s) removes what the run owns, says so in one line, and exits %i',
		async (signal, _how, code) => {
			const holder = startHolder(signal === 'SIGBREAK' ? [signal] : []);
			const temp = await holder.temp;
			expect(path.basename(temp)).toMatch(/^reelsmith-hold-\d+-/);
			if (signal === 'SIGHUP') holder.child.kill('SIGHUP');
			const result = await holder.exited;
			expect(result.code).toBe(code);
			expect(result.stderr.trim()).toBe(`hold: interrupted by ${signal}; run the same command again to resume; stopped or removed 1 temp folder`);
			expect(existsSync(temp)).toBe(false);
		},
		30_000,
	);
});
