import { execFile } from 'node:child_process';
import { ffmpegInstallText, ffmpegSearch } from '../../node/ffmpeg-binary';

/** Every filter the join and the loudness stage give ffmpeg. */
export const FFMPEG_FILTERS = ['ebur128', 'volume', 'volumedetect', 'aresample', 'alimiter', 'aformat', 'loudnorm'] as const;

/** Why ffmpeg is needed and how to get it, with this OS's install command. */
const install = () => `every render needs ffmpeg to join its chunks and set the loudness; ${ffmpegInstallText()}`;

/** What `ffmpeg -filters` lists, or why it could not be run. */
const listFilters = (binary: string): Promise<{ filters: Set<string> } | { error: string }> =>
	new Promise((resolve) => {
		execFile(binary, ['-hide_banner', '-filters'], { timeout: 15_000, maxBuffer: 8 * 2 ** 20, windowsHide: true }, (error, stdout) => {
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
	const search = ffmpegSearch();
	if (!search.found) return `${search.problem}; ${install()}`;
	const binary = search.binary;
	const found = await listFilters(binary);
	if ('error' in found) return `ffmpeg (${binary}) could not be run: ${found.error}; ${install()}`;
	const missing = FFMPEG_FILTERS.filter((filter) => !found.filters.has(filter));
	if (missing.length > 0) return `ffmpeg (${binary}) lacks the filter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ${install()}`;
	return null;
};
