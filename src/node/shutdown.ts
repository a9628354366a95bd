import { releaseAll, releaseAllNow } from './owned-resources';
import { killDescendants } from './process-tree';
import { signalExitCode, STOP_SIGNALS, type StopSignal } from './stop-signals';

/** The conventional exit codes for a run stopped by a signal: 128 + the signal's number (SIGINT 130, SIGTERM 143). */
export const SIGNAL_EXIT = Object.fromEntries(STOP_SIGNALS.map(({ signal }) => [signal, signalExitCode(signal)])) as Record<StopSignal, number>;

export type ShutdownOptions = {
	/** The command's name, for the one-line messages. */
	readonly name: string;
	/** Prints a line on stderr; the caller redacts secrets in it. */
	readonly report: (line: string) => void;
	/** The one line an unexpected error prints (the caller's formatting and redaction). */
	readonly describeFatal: (error: unknown) => string;
};

const summarise = (kinds: readonly string[]): string => {
	const counts = new Map<string, number>();
	for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
	return [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ');
};

let installed = false;

/**
 * A stop signal (SIGINT, SIGTERM, SIGHUP, SIGBREAK: stop-signals.ts) stops every browser, ffmpeg and worker the
 * run owns, removes its temp files and exits 128 + the signal's number (130, 143 …); an uncaught exception or
 * unhandled rejection goes the same way with exit 1. A second signal while cleaning up exits at once.
 * (Everything still owned at a normal exit is released by owned-resources.)
 */
export const handleShutdown = ({ name, report, describeFatal }: ShutdownOptions): void => {
	if (installed) return;
	installed = true;
	let stopping = false;
	const stop = async (line: string, code: number) => {
		if (stopping) {
			releaseAllNow();
			killDescendants();
			process.exit(code);
		}
		stopping = true;
		const released = await releaseAll();
		killDescendants();
		report(`${line}${released.length > 0 ? `; stopped or removed ${summarise(released)}` : ''}`);
		process.exit(code);
	};
	for (const { signal } of STOP_SIGNALS) {
		process.on(signal, () => void stop(`${name}: interrupted by ${signal}; run the same command again to resume`, signalExitCode(signal)));
	}
	// `npm run` passes a signal sent to its process group (Ctrl-C) on and waits, but a SIGTERM to npm alone ends
	// npm and its shell and leaves this process running unseen: a run started by npm stops when npm is gone
	if (process.env.npm_lifecycle_event) {
		const launcher = process.ppid;
		setInterval(() => {
			if (process.ppid !== launcher) void stop(`${name}: npm, which started this run, is gone; stopping as if by SIGTERM`, SIGNAL_EXIT.SIGTERM);
		}, 1000).unref();
	}
	process.on('uncaughtException', (error) => void stop(describeFatal(error), 1));
	process.on('unhandledRejection', (reason) => void stop(describeFatal(reason), 1));
};
