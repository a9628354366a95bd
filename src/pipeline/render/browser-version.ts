import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const versions = new Map<string, Promise<string>>();

/**
 * What `<browser> --version` prints ("Chromium 156.0.8078.114"), once per executable and process: a browser
 * update can change how frames are drawn and encoded, so it belongs in the render key. `null` is the browser
 * Remotion downloads for itself, whose version its own package pins.
 */
export const browserVersion = (executable: string | null): Promise<string> => {
	if (!executable) return Promise.resolve('remotion-managed browser');
	let version = versions.get(executable);
	if (!version) {
		version = run(executable, ['--version'], { timeout: 15_000 }).then(
			({ stdout }) => stdout.trim(),
			(error: Error) => {
				versions.delete(executable);
				throw new Error(`could not ask the browser ${executable} for its version: ${error.message.split('\n')[0]}`);
			},
		);
		versions.set(executable, version);
	}
	return version;
};
