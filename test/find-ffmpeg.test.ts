import { describe, expect, it } from 'vitest';
import { ffmpegBinary, ffmpegSearch } from '../src/node/ffmpeg-binary';
import { ffmpegInstallAdvice } from '../src/node/ffmpeg-install-advice';
import { findFfmpeg, pathDirs, type FfmpegLookup } from '../src/node/find-ffmpeg';

/** A machine where exactly `files` exist, and `folders` list their entries (for winget's package folders). */
const machine = (
	platform: NodeJS.Platform,
	env: NodeJS.ProcessEnv,
	files: readonly string[] = [],
	folders: Record<string, readonly string[]> = {},
): FfmpegLookup & { looked: string[] } => {
	const looked: string[] = [];
	return {
		platform,
		env,
		looked,
		exists: (file) => {
			looked.push(file);
			return files.includes(file);
		},
		readdir: (dir) => folders[dir] ?? [],
	};
};

const WINDOWS_ENV = {
	Path: 'C:\\Windows\\system32;"C:\\Tools\\bin";;C:\\Windows',
	LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
	USERPROFILE: 'C:\\Users\\ana',
	ProgramFiles: 'C:\\Program Files',
	ProgramData: 'C:\\ProgramData',
};
const WINGET = 'C:\\Users\\ana\\AppData\\Local\\Microsoft\\WinGet';

describe('REELSMITH_FFMPEG', () => {
	it('wins over PATH when the file is there', () => {
		const lookup = machine('linux', { REELSMITH_FFMPEG: '/opt/ff/ffmpeg', PATH: '/usr/bin' }, ['/opt/ff/ffmpeg', '/usr/bin/ffmpeg']);
		expect(findFfmpeg(lookup)).toEqual({ found: true, binary: '/opt/ff/ffmpeg', from: 'REELSMITH_FFMPEG' });
	});

	it('set to a missing file is an error naming the variable, never a silent fallback to PATH', () => {
		const search = findFfmpeg(machine('linux', { REELSMITH_FFMPEG: '/no/such/ffmpeg', PATH: '/usr/bin' }, ['/usr/bin/ffmpeg']));
		expect(search).toEqual({
			found: false,
			problem:
				'ffmpeg (/no/such/ffmpeg) could not be run: not found; REELSMITH_FFMPEG names it: set it to the full path of an ffmpeg, ' +
				'or remove it to look on PATH and in the usual install folders',
		});
	});

	it('a bare name is looked up on PATH', () => {
		expect(findFfmpeg(machine('linux', { REELSMITH_FFMPEG: 'ffmpeg7', PATH: '/a:/b' }, ['/b/ffmpeg7']))).toMatchObject({ binary: '/b/ffmpeg7' });
		expect(findFfmpeg(machine('linux', { REELSMITH_FFMPEG: 'ffmpeg7', PATH: '/a' }))).toMatchObject({
			found: false,
			problem: expect.stringMatching(/^ffmpeg \(ffmpeg7\) could not be run: not found on PATH; REELSMITH_FFMPEG names it/),
		});
	});

	it('on Windows, a path without .exe finds the .exe', () => {
		const lookup = machine('win32', { ...WINDOWS_ENV, REELSMITH_FFMPEG: 'D:\\ffmpeg\\bin\\ffmpeg' }, ['D:\\ffmpeg\\bin\\ffmpeg.exe']);
		expect(findFfmpeg(lookup)).toMatchObject({ found: true, binary: 'D:\\ffmpeg\\bin\\ffmpeg.exe' });
	});
});

describe('PATH', () => {
	it('is searched in order on Linux and macOS, before any install folder', () => {
		const lookup = machine('darwin', { PATH: '/Users/ana/bin:/usr/bin' }, ['/usr/bin/ffmpeg', '/opt/homebrew/bin/ffmpeg']);
		expect(findFfmpeg(lookup)).toEqual({ found: true, binary: '/usr/bin/ffmpeg', from: 'PATH' });
		expect(lookup.looked).toEqual(['/Users/ana/bin/ffmpeg', '/usr/bin/ffmpeg']);
	});

	it('on Windows is split on ";", unquoted, read as Path or PATH, and looked in for ffmpeg.exe', () => {
		expect(pathDirs({ platform: 'win32', env: WINDOWS_ENV })).toEqual(['C:\\Windows\\system32', 'C:\\Tools\\bin', 'C:\\Windows']);
		const lookup = machine('win32', WINDOWS_ENV, ['C:\\Tools\\bin\\ffmpeg.exe']);
		expect(findFfmpeg(lookup)).toEqual({ found: true, binary: 'C:\\Tools\\bin\\ffmpeg.exe', from: 'PATH' });
		expect(lookup.looked).toEqual(['C:\\Windows\\system32\\ffmpeg.exe', 'C:\\Tools\\bin\\ffmpeg.exe']);
	});

	it('a ";" is no separator on Linux, nor is the name case-folded there', () => {
		expect(pathDirs({ platform: 'linux', env: { PATH: '/a;b:/c', Path: '/ignored' } })).toEqual(['/a;b', '/c']);
		expect(pathDirs({ platform: 'linux', env: { Path: '/usr/bin' } })).toEqual([]);
	});
});

describe('the usual install folders, when PATH has no ffmpeg', () => {
	it.each([
		['darwin', '/opt/homebrew/bin/ffmpeg'],
		['darwin', '/usr/local/bin/ffmpeg'],
		['darwin', '/opt/local/bin/ffmpeg'],
		['linux', '/usr/bin/ffmpeg'],
		['linux', '/usr/local/bin/ffmpeg'],
		['linux', '/snap/bin/ffmpeg'],
	] as const)('%s: %s', (platform, file) => {
		expect(findFfmpeg(machine(platform, { PATH: '/home/ana/bin' }, [file]))).toEqual({ found: true, binary: file, from: 'install folder' });
	});

	it('macOS tries Homebrew (Apple silicon, then Intel) before MacPorts', () => {
		const lookup = machine('darwin', { PATH: '' }, ['/usr/local/bin/ffmpeg', '/opt/local/bin/ffmpeg']);
		expect(findFfmpeg(lookup)).toMatchObject({ binary: '/usr/local/bin/ffmpeg' });
		expect(lookup.looked).toEqual(['/opt/homebrew/bin/ffmpeg', '/usr/local/bin/ffmpeg']);
	});

	it.each([
		`${WINGET}\\Links\\ffmpeg.exe`,
		'C:\\ProgramData\\chocolatey\\bin\\ffmpeg.exe',
		'C:\\Users\\ana\\scoop\\shims\\ffmpeg.exe',
		'C:\\ffmpeg\\bin\\ffmpeg.exe',
		'C:\\Program Files\\ffmpeg\\bin\\ffmpeg.exe',
	])('win32: %s', (file) => {
		expect(findFfmpeg(machine('win32', WINDOWS_ENV, [file]))).toEqual({ found: true, binary: file, from: 'install folder' });
	});

	it("win32: winget's package folder (any Gyan.FFmpeg package, its newest ffmpeg-* build) when its link is missing", () => {
		const packages = `${WINGET}\\Packages`;
		const full = 'Gyan.FFmpeg_Microsoft.Winget.Source_8wekyb3d8bbwe';
		const newest = `${packages}\\${full}\\ffmpeg-8.0-full_build\\bin\\ffmpeg.exe`;
		const lookup = machine('win32', WINDOWS_ENV, [`${packages}\\${full}\\ffmpeg-7.1-full_build\\bin\\ffmpeg.exe`, newest], {
			[packages]: ['Git.Git_8wekyb3d8bbwe', full],
			[`${packages}\\${full}`]: ['ffmpeg-7.1-full_build', 'ffmpeg-8.0-full_build', 'README.txt'],
		});
		expect(findFfmpeg(lookup)).toEqual({ found: true, binary: newest, from: 'install folder' });
	});

	it('win32: the folders follow the variables as Windows spells them, whatever their case', () => {
		const env = { PATH: '', localappdata: 'E:\\Local', userprofile: 'E:\\Me', PROGRAMFILES: 'E:\\Programs', PROGRAMDATA: 'E:\\Data' };
		const lookup = machine('win32', env);
		findFfmpeg(lookup);
		expect(lookup.looked).toEqual([
			'E:\\Local\\Microsoft\\WinGet\\Links\\ffmpeg.exe',
			'E:\\Data\\chocolatey\\bin\\ffmpeg.exe',
			'E:\\Me\\scoop\\shims\\ffmpeg.exe',
			'C:\\ffmpeg\\bin\\ffmpeg.exe',
			'E:\\Programs\\ffmpeg\\bin\\ffmpeg.exe',
		]);
	});
});

describe('no ffmpeg anywhere', () => {
	it('says where it looked', () => {
		expect(findFfmpeg(machine('linux', { PATH: '/usr/bin' }))).toEqual({
			found: false,
			problem: 'ffmpeg could not be found: it is not on PATH, nor in /usr/bin, /usr/local/bin, /snap/bin',
		});
		expect(findFfmpeg(machine('win32', WINDOWS_ENV))).toMatchObject({
			problem: expect.stringContaining(`nor in ${WINGET}\\Links, ${WINGET}\\Packages\\Gyan.FFmpeg*\\ffmpeg-*\\bin, C:\\ProgramData\\chocolatey\\bin`),
		});
	});

	it.each([
		['darwin', [], 'macOS: brew install ffmpeg'],
		['win32', [], 'Windows: winget install --id Gyan.FFmpeg -e'],
		['linux', ['/usr/bin/apt-get'], 'Debian/Ubuntu: sudo apt-get install ffmpeg'],
		['linux', ['/usr/bin/dnf'], 'Fedora: sudo dnf install ffmpeg (RPM Fusion) or ffmpeg-free'],
		['linux', ['/usr/bin/pacman'], 'Arch: sudo pacman -S ffmpeg'],
	] as const)('the install command for %s (%j)', (platform, files, advice) => {
		expect(ffmpegInstallAdvice({ platform, exists: (file) => (files as readonly string[]).includes(file) })).toBe(advice);
	});

	it('a Linux with none of the known package managers gets all three commands', () => {
		expect(ffmpegInstallAdvice({ platform: 'linux', exists: () => false })).toMatch(/apt-get install ffmpeg; .*dnf install .*; .*pacman -S ffmpeg; or your/);
	});
});

describe('ffmpegBinary on this machine', () => {
	it('is searched once, and again only when REELSMITH_FFMPEG changes; a missing one throws with the install command', () => {
		const saved = process.env.REELSMITH_FFMPEG;
		delete process.env.REELSMITH_FFMPEG;
		try {
			const first = ffmpegSearch();
			expect(first).toMatchObject({ found: true, binary: expect.stringMatching(/ffmpeg$/) });
			expect(ffmpegSearch()).toBe(first);
			process.env.REELSMITH_FFMPEG = '/no/such/ffmpeg';
			expect(() => ffmpegBinary()).toThrow(
				/^ffmpeg \(\/no\/such\/ffmpeg\) could not be run: not found; .*; install it \(.+\) or set REELSMITH_FFMPEG to its path$/,
			);
			delete process.env.REELSMITH_FFMPEG;
			expect(ffmpegBinary()).toBe((first as { binary: string }).binary);
		} finally {
			if (saved === undefined) delete process.env.REELSMITH_FFMPEG;
			else process.env.REELSMITH_FFMPEG = saved;
		}
	});
});
