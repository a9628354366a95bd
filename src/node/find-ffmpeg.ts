import path from 'node:path';
import { usualFfmpegLocations, type LocationLookup } from './ffmpeg-locations';
import { envVar } from './platform-env';

/** What the search may look at, injected so that every platform's rules are tested on any machine. */
export type FfmpegLookup = LocationLookup & {
	/** Whether a file exists and can be run. */
	readonly exists: (file: string) => boolean;
};

export type FfmpegSearch =
	| { readonly found: true; readonly binary: string; readonly from: 'REELSMITH_FFMPEG' | 'PATH' | 'install folder' }
	| { readonly found: false; readonly problem: string };

const UNSET_ADVICE = 'REELSMITH_FFMPEG names it: set it to the full path of an ffmpeg, or remove it to look on PATH and in the usual install folders';

/** The folders of PATH, split the platform's way (`;` and quoted entries on Windows, `:` elsewhere). */
export const pathDirs = ({ platform, env }: Pick<FfmpegLookup, 'platform' | 'env'>): string[] =>
	(envVar(env, 'PATH', platform) ?? '')
		.split(platform === 'win32' ? ';' : ':')
		.map((dir) => (platform === 'win32' ? dir.trim().replace(/^"(.*)"$/, '$1') : dir))
		.filter((dir) => dir !== '');

/**
 * Finds the ffmpeg to run: REELSMITH_FFMPEG when set (a path, or a bare name looked up on PATH), else the first
 * `ffmpeg` (`ffmpeg.exe` on Windows) on PATH, else the usual install folders of the platform. Pure: the caller
 * gives the platform, the environment and how to look at files.
 */
export const findFfmpeg = (lookup: FfmpegLookup): FfmpegSearch => {
	const { platform, env, exists } = lookup;
	const paths = platform === 'win32' ? path.win32 : path.posix;
	const dirs = pathDirs(lookup);
	// Windows runs `ffmpeg` as ffmpeg.exe: a name without an extension is tried with it too
	const runnable = (file: string) => (platform === 'win32' && paths.extname(file) === '' ? [file, `${file}.exe`] : [file]);
	const onPath = (name: string) => dirs.flatMap((dir) => runnable(paths.join(dir, name))).find(exists);

	const named = env.REELSMITH_FFMPEG?.trim();
	if (named) {
		const bareName = !(platform === 'win32' ? /[\\/]/ : /\//).test(named);
		const binary = bareName ? onPath(named) : runnable(named).find(exists);
		if (binary) return { found: true, binary, from: 'REELSMITH_FFMPEG' };
		return { found: false, problem: `ffmpeg (${named}) could not be run: not found${bareName ? ' on PATH' : ''}; ${UNSET_ADVICE}` };
	}

	const fromPath = onPath(platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg');
	if (fromPath) return { found: true, binary: fromPath, from: 'PATH' };

	const locations = usualFfmpegLocations(lookup);
	const installed = locations.flatMap((l) => l.files).find(exists);
	if (installed) return { found: true, binary: installed, from: 'install folder' };
	return { found: false, problem: `ffmpeg could not be found: it is not on PATH, nor in ${locations.map((l) => l.folder).join(', ')}` };
};
