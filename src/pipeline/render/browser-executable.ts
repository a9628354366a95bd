import { existsSync } from 'node:fs';

const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * REMOTION_BROWSER_EXECUTABLE if set, else Debian's chromium-headless-shell if present,
 * else null, which lets Remotion download its own (machines with internet).
 */
export const resolveBrowserExecutable = (env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | null => {
	const configured = env.REMOTION_BROWSER_EXECUTABLE?.trim();
	if (configured) {
		if (!exists(configured)) {
			throw new Error(`REMOTION_BROWSER_EXECUTABLE points to ${configured}, which does not exist; fix the path or unset it`);
		}
		return configured;
	}
	return exists(DEBIAN_HEADLESS_SHELL) ? DEBIAN_HEADLESS_SHELL : null;
};
