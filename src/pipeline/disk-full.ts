/** Whether an error, or one of its causes, is the disk running out of space. */
export const isDiskFull = (error: unknown): boolean => {
	for (let current = error, depth = 0; current instanceof Error && depth < 6; current = current.cause, depth += 1) {
		if ((current as NodeJS.ErrnoException).code === 'ENOSPC' || /ENOSPC|no space left on device/i.test(current.message)) return true;
	}
	return false;
};

/** What to do about it: said once, after the failure line. */
export const DISK_FULL_ADVICE =
	'the disk is full: free some space (or give another --out) and run the same command again; the assets and chunks finished so far are kept, and the previous package is untouched';
