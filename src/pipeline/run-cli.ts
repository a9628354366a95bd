import { loadDotEnv } from '../config/load-env';
import { handleShutdown } from '../node/shutdown';
import { sweepStaleTempDirs } from '../node/stale-partials';
import { redactSecrets } from '../config/redact-secrets';
import { formatProblems } from '../schema/problems';
import { InputError } from '../schema/input-error';
import { DISK_FULL_ADVICE, isDiskFull } from './disk-full';
import { EnvironmentError } from './preflight/environment-error';
import { HelpRequested } from './cli/help-requested';

/** Exit codes shared by every command: 0 done, 1 the work failed, 2 the input was wrong. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

const causeChain = (error: unknown): string => {
	const parts: string[] = [];
	let current: unknown = error;
	while (current instanceof Error && parts.length < 4) {
		parts.push(current.message);
		current = current.cause;
	}
	return parts.length > 0 ? parts.join('\n  caused by: ') : String(error);
};

/** The one line a failed command prints: its name, the cause chain, no stack, no secret. */
export const failureLine = (name: string, error: unknown): string => redactSecrets(`${name} failed: ${causeChain(error)}`);

/**
 * Runs a command's body and turns errors into a clear message and an exit code, not a stack trace.
 * Loads `.env` first; error output never shows a secret. A signal or an uncaught error stops what the run
 * owns (browsers, ffmpeg, temp files) before exiting; what killed runs left in the temp folder goes first.
 */
export const runCli = async (name: string, body: () => Promise<void>): Promise<void> => {
	handleShutdown({ name, report: (line) => console.error(redactSecrets(line)), describeFatal: (error) => failureLine(name, error) });
	try {
		loadDotEnv();
		await sweepStaleTempDirs();
		await body();
		process.exitCode = EXIT.ok;
	} catch (error) {
		if (error instanceof HelpRequested) {
			console.log(error.usage);
			process.exitCode = EXIT.ok;
			return;
		}
		if (error instanceof InputError) {
			console.error(redactSecrets(formatProblems(error.source, error.problems)));
			process.exitCode = EXIT.badInput;
			return;
		}
		// the machine, not the input: listed the same way, but the work failed (exit 1)
		if (error instanceof EnvironmentError) {
			console.error(redactSecrets(formatProblems(error.source, error.problems)));
			process.exitCode = EXIT.failed;
			return;
		}
		console.error(failureLine(name, error));
		if (isDiskFull(error)) console.error(`${name}: ${DISK_FULL_ADVICE}`);
		if (process.env.REELSMITH_DEBUG) console.error(redactSecrets(String((error as Error)?.stack ?? error)));
		process.exitCode = EXIT.failed;
	}
};

/** Parses argv strictly; an unknown or malformed flag is bad input with the usage attached. */
export const usageError = (usage: string, message: string) => new InputError('arguments', [{ path: 'argv', message: `${message}\n${usage}` }]);
