import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { makeOwnedTempDir } from '../../node/owned-temp-dir';
import { own } from '../../node/owned-resources';
import { PROJECT_ROOT } from '../../node/project-root';
import { STUDIO_ENTRY } from '../../studio/studio-webpack';
import type { StudioCatalogue } from '../../studio/studio-catalogue';

export type LaunchStudioOptions = {
	readonly catalogue: StudioCatalogue;
	/** The output folder: its `.cache` is the Studio's public folder, and the Render button writes into it. */
	readonly outDir: string;
	readonly port?: number;
	/** false: do not open a browser window (tests, remote machines). */
	readonly open: boolean;
};

/** The environment remotion.config.ts reads to give the Studio its list of videos and its render folder. */
export const STUDIO_ENV = { catalogue: 'REELSMITH_STUDIO_CATALOGUE', outDir: 'REELSMITH_STUDIO_OUT' } as const;

/** The folder the props' asset paths are relative to: the output's shared cache, or the project's own when nothing was made. */
export const studioPublicDir = (outDir: string): string => {
	const cache = path.join(outDir, '.cache');
	return existsSync(cache) ? cache : path.join(PROJECT_ROOT, 'public');
};

/**
 * Runs Remotion's own Studio (`remotion studio`) on the Studio entry with the made videos' catalogue, until it
 * exits; resolves with its exit code. The catalogue lives in a temp folder this process owns.
 */
export const launchStudio = async ({ catalogue, outDir, port, open }: LaunchStudioOptions): Promise<number> => {
	const temp = makeOwnedTempDir('studio');
	try {
		const catalogueFile = path.join(temp.path, 'videos.json');
		await writeFile(catalogueFile, JSON.stringify(catalogue));
		// the package's `remotion` bin (its exports map does not list the file, so it is found beside package.json)
		const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@remotion/cli/package.json')), 'remotion-cli.js');
		// --force-new: Remotion would reuse a Studio already running for this project, which shows another catalogue
		const args = [
			cli,
			'studio',
			STUDIO_ENTRY,
			'--force-new',
			'--public-dir',
			studioPublicDir(outDir),
			...(port ? ['--port', String(port)] : []),
			...(open ? [] : ['--no-open']),
		];
		return await new Promise<number>((resolve, reject) => {
			const child = spawn(process.execPath, args, {
				cwd: PROJECT_ROOT,
				stdio: 'inherit',
				windowsHide: true,
				env: { ...process.env, [STUDIO_ENV.catalogue]: catalogueFile, [STUDIO_ENV.outDir]: outDir },
			});
			const stop = () => void child.kill('SIGTERM');
			const disown = own({ kind: 'studio', release: stop, releaseNow: stop });
			child.on('error', (error) => {
				disown();
				reject(new Error(`could not start Remotion Studio (${error.message})`));
			});
			child.on('close', (code, signal) => {
				disown();
				resolve(code ?? (signal ? 1 : 0));
			});
		});
	} finally {
		await temp.remove();
	}
};
