import path from 'node:path';
import { envVar } from './platform-env';

/** A folder where an installer puts ffmpeg: how a message names it, and the files to try there. */
export type FfmpegLocation = { readonly folder: string; readonly files: readonly string[] };

export type LocationLookup = {
	readonly platform: NodeJS.Platform;
	readonly env: NodeJS.ProcessEnv;
	/** A folder's entry names; [] when it is missing or cannot be read. */
	readonly readdir: (dir: string) => readonly string[];
};

const startsWith = (prefix: string) => (name: string) => name.toLowerCase().startsWith(prefix.toLowerCase());
/** Newest first, for versioned folder names (ffmpeg-8.0-full_build before ffmpeg-7.1-full_build). */
const newestFirst = (names: readonly string[]) => [...names].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));

/**
 * winget's own package folder, `Packages\Gyan.FFmpeg*\ffmpeg-*\bin\ffmpeg.exe` (a folder per package id and per
 * version); used when its `Links` shim is missing, as after an install made with links turned off.
 */
const wingetPackages = (packages: string, readdir: LocationLookup['readdir']): FfmpegLocation => ({
	folder: path.win32.join(packages, 'Gyan.FFmpeg*', 'ffmpeg-*', 'bin'),
	files: newestFirst(readdir(packages).filter(startsWith('Gyan.FFmpeg'))).flatMap((pkg) =>
		newestFirst(readdir(path.win32.join(packages, pkg)).filter(startsWith('ffmpeg-'))).map((build) =>
			path.win32.join(packages, pkg, build, 'bin', 'ffmpeg.exe'),
		),
	),
});

const windows = ({ env, readdir }: LocationLookup): FfmpegLocation[] => {
	const v = (name: string) => envVar(env, name, 'win32');
	const inFolder = (folder: string): FfmpegLocation => ({ folder, files: [path.win32.join(folder, 'ffmpeg.exe')] });
	const localAppData = v('LOCALAPPDATA');
	const userProfile = v('USERPROFILE');
	const winget = localAppData ? path.win32.join(localAppData, 'Microsoft', 'WinGet') : undefined;
	return [
		...(winget ? [inFolder(path.win32.join(winget, 'Links')), wingetPackages(path.win32.join(winget, 'Packages'), readdir)] : []),
		inFolder(path.win32.join(v('ProgramData') ?? 'C:\\ProgramData', 'chocolatey', 'bin')),
		...(userProfile ? [inFolder(path.win32.join(userProfile, 'scoop', 'shims'))] : []),
		inFolder('C:\\ffmpeg\\bin'),
		inFolder(path.win32.join(v('ProgramFiles') ?? 'C:\\Program Files', 'ffmpeg', 'bin')),
	];
};

const POSIX_FOLDERS: Partial<Record<NodeJS.Platform, readonly string[]>> = {
	// Homebrew on Apple silicon, Homebrew on Intel (and hand installs), MacPorts
	darwin: ['/opt/homebrew/bin', '/usr/local/bin', '/opt/local/bin'],
	// the distribution's package, a hand install, the snap
	linux: ['/usr/bin', '/usr/local/bin', '/snap/bin'],
};

/**
 * Where the usual installers put ffmpeg on this platform, in the order they are tried. A program started from
 * a desktop, a service or an IDE often has a shorter PATH than a terminal (no /opt/homebrew/bin on macOS, no
 * freshly installed winget package on Windows until a new session), so these are looked at after PATH.
 */
export const usualFfmpegLocations = (lookup: LocationLookup): FfmpegLocation[] =>
	lookup.platform === 'win32'
		? windows(lookup)
		: (POSIX_FOLDERS[lookup.platform] ?? ['/usr/local/bin', '/usr/bin']).map((folder) => ({ folder, files: [path.posix.join(folder, 'ffmpeg')] }));
