import { execFile } from 'node:child_process';
import { ffmpegBinary } from '../../node/run-ffmpeg';

/** Every filter the join and the loudness stage give ffmpeg. */
export const FFMPEG_FILTERS = ['ebur128', 'volume', 'volumedetect', 'aresample', 'alimiter', 'aformat', 'loudnorm'] as const;

const INSTALL =
	'every render needs ffmpeg to join its chunks and set the loudness; install it (Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg; ' +
	'Windows: winget install ffmpeg) or set REELSMITH_FFMPEG to its path';

/** What `ffmpeg -filters` lists, or why it could not be run. */
const listFilters = (binary: string): Promise<{ filters: Set<string> } | { error: string }> =>
	new Promise((resolve) => {
		execFile(binary, ['-hide_banner', '-filters'], { timeout: 15_000, maxBuffer: 8 * 2 ** 20 }, (error, stdout) => {
			if (error) return resolve({ error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : error.message.split('\n')[0]! });
			// lines look like " ... ebur128           A->N       EBU R128 scanner."
			resolve({ filters: new Set(stdout.split('\n').map((line) => line.trim().split(/\s+/)[1] ?? '')) });
		});
	});

/**
 * Why the ffmpeg a render will need cannot serve it (missing, or lacking one of the filters the project uses),
 * with how to install it; null when it can. The environment preflight reports it with its other findings.
 */
export const ffmpegProblem = async (): Promise<string | null> => {
	const binary = ffmpegBinary();
	const found = await listFilters(binary);
	if ('error' in found) return `ffmpeg (${binary}) could not be run: ${found.error}; ${INSTALL}`;
	const missing = FFMPEG_FILTERS.filter((filter) => !found.filters.has(filter));
	if (missing.length > 0) return `ffmpeg (${binary}) lacks the filter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ${INSTALL}`;
	return null;
};
