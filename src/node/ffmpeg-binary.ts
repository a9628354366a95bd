import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { findFfmpeg, type FfmpegSearch } from './find-ffmpeg';
import { ffmpegInstallAdvice } from './ffmpeg-install-advice';

/** A file that can be run: a file (not a folder), executable where that is a file mode. */
const runnableFile = (file: string): boolean => {
	try {
		if (!statSync(file).isFile()) return false;
		if (process.platform !== 'win32') accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
};

const entries = (dir: string): string[] => {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
};

let last: { key: string; search: FfmpegSearch } | undefined;

/**
 * This machine's ffmpeg search, made once per process; again only if REELSMITH_FFMPEG or PATH changes (a test
 * may point REELSMITH_FFMPEG at a wrapper for a while).
 */
export const ffmpegSearch = (): FfmpegSearch => {
	const key = `${process.env.REELSMITH_FFMPEG ?? ''}\0${process.env.PATH ?? ''}`;
	if (last?.key !== key) last = { key, search: findFfmpeg({ platform: process.platform, env: process.env, exists: runnableFile, readdir: entries }) };
	return last.search;
};

/** What to do when ffmpeg is missing: this OS's install command, or the variable. */
export const ffmpegInstallText = (): string =>
	`install it (${ffmpegInstallAdvice({ platform: process.platform, exists: runnableFile })}) or set REELSMITH_FFMPEG to its path`;

/** The ffmpeg every ffmpeg run of ours uses; throws, saying how to install it, when there is none. */
export const ffmpegBinary = (): string => {
	const search = ffmpegSearch();
	if (!search.found) throw new Error(`${search.problem}; ${ffmpegInstallText()}`);
	return search.binary;
};
