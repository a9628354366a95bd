export type AdviceLookup = {
	readonly platform: NodeJS.Platform;
	/** Whether a file exists: which package manager a Linux machine has. */
	readonly exists: (file: string) => boolean;
};

const LINUX = [
	{ manager: '/usr/bin/apt-get', advice: 'Debian/Ubuntu: sudo apt-get install ffmpeg' },
	{ manager: '/usr/bin/dnf', advice: 'Fedora: sudo dnf install ffmpeg (RPM Fusion) or ffmpeg-free' },
	{ manager: '/usr/bin/pacman', advice: 'Arch: sudo pacman -S ffmpeg' },
] as const;

/** How to install ffmpeg on this machine: the one command for its OS (its package manager, on Linux). */
export const ffmpegInstallAdvice = ({ platform, exists }: AdviceLookup): string => {
	if (platform === 'darwin') return 'macOS: brew install ffmpeg';
	if (platform === 'win32') return 'Windows: winget install --id Gyan.FFmpeg -e';
	const known = LINUX.find(({ manager }) => exists(manager));
	return known ? known.advice : `${LINUX.map((l) => l.advice).join('; ')}; or your system's package manager`;
};
