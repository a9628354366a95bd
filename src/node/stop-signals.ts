/**
 * The signals that stop a run, cleaning up first. The exit code is the shell's convention, 128 + the signal's
 * number on the platform that sends it (a script can tell "interrupted" from "failed").
 */
export const STOP_SIGNALS = [
	{ signal: 'SIGINT', number: 2, why: 'Ctrl-C in a terminal; on Windows too (Node turns the console event into SIGINT)' },
	{ signal: 'SIGTERM', number: 15, why: 'kill, docker stop, systemd, the job server cancelling a job' },
	{
		signal: 'SIGHUP',
		number: 1,
		why:
			'the terminal was closed (or ssh dropped); on Windows, the console window was closed, and Windows ends the process ' +
			'about 10 s later, so the cleanup has that long. Node ends on it by default, even under nohup, leaving browsers behind',
	},
	{ signal: 'SIGBREAK', number: 21, why: 'Ctrl-Break on Windows (signal 21 there); never sent elsewhere' },
] as const satisfies readonly { signal: NodeJS.Signals; number: number; why: string }[];

export type StopSignal = (typeof STOP_SIGNALS)[number]['signal'];

/** The exit code of a run stopped by `signal`: 128 + its number. */
export const signalExitCode = (signal: StopSignal): number => 128 + STOP_SIGNALS.find((s) => s.signal === signal)!.number;
