import { acquireRunLock } from '../../node/run-lock';

export type FolderLockOptions = {
	/** false (`--no-wait`): refuse at once, naming the run that holds the folder. */
	readonly wait?: boolean;
	readonly onStage?: (message: string) => void;
};

/**
 * One run per video at a time: out/<slug>/ is locked from before its assets are made until summary.json is
 * written. Runs of other videos go on in parallel. Returns the release.
 */
export const lockVideoFolder = (videoDir: string, options: FolderLockOptions): Promise<() => Promise<void>> =>
	acquireRunLock(videoDir, {
		wait: options.wait ?? true,
		onWait: (pid) =>
			options.onStage?.(`waiting: ${videoDir} is being made by another run (pid ${pid}); this run goes on when that one ends (--no-wait to stop instead)`),
	});
