/**
 * What a run owns and must not leave behind: browsers, child processes, temp files and folders. Each is
 * registered while alive; a signal or a fatal error releases whatever is still registered.
 */
export type OwnedResource = {
	/** Names the kind of thing, for the interrupt message: "browser", "ffmpeg", "temp file". */
	readonly kind: string;
	/** Stops or removes it, politely. */
	readonly release: () => Promise<void> | void;
	/** The same, synchronously, for the last moment before the process exits. */
	readonly releaseNow: () => void;
};

const owned = new Set<OwnedResource>();

/** Registers a resource; the returned function unregisters it once the owner has released it itself. */
export const own = (resource: OwnedResource): (() => void) => {
	owned.add(resource);
	return () => {
		owned.delete(resource);
	};
};

/** How many of each kind are registered now (newest last), for tests and messages. */
export const ownedKinds = (): string[] => [...owned].map((r) => r.kind);

/** Releases everything still registered, newest first, each given at most `timeoutMs`; returns the kinds released. */
export const releaseAll = async (timeoutMs = 5000): Promise<string[]> => {
	const resources = [...owned].reverse();
	owned.clear();
	await Promise.all(
		resources.map((r) =>
			Promise.race([
				Promise.resolve()
					.then(() => r.release())
					.catch(() => r.releaseNow()),
				new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
			]).catch(() => undefined),
		),
	);
	return resources.map((r) => r.kind);
};

/** Synchronous last resort, from the process's `exit` event (registered below, in every process that owns anything). */
export const releaseAllNow = (): void => {
	for (const r of [...owned].reverse()) {
		try {
			r.releaseNow();
		} catch {
			// best effort: the process is going away
		}
	}
	owned.clear();
};

process.on('exit', releaseAllNow);
