import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { VideoScript } from '../../schema/video-script';
import { InputError } from '../input-error';
import { locate } from '../stages/supplied-assets';
import { DEFAULT_MUSIC_BED, stashMusic } from './music-bed';

/**
 * The music bed of a render: `--music` first, then the script's `music` (relative to the script, inside its
 * folder or the project), else the project's own bed. Stashed into the render's public folder by content hash.
 */
export const resolveMusic = async (
	script: VideoScript,
	scriptFile: string,
	projectRoot: string,
	publicDir: string,
	musicFlag?: string,
): Promise<{ src: string; durationMs: number }> => {
	let file = DEFAULT_MUSIC_BED;
	const given = musicFlag ?? script.music;
	if (given) {
		const field = musicFlag ? '--music' : 'music';
		const base = musicFlag ? process.cwd() : path.dirname(path.resolve(scriptFile));
		const roots = [await realpath(base), await realpath(projectRoot)];
		const located = await locate(path.resolve(base, given), field, roots);
		if (!located.ok) throw new InputError(musicFlag ? 'arguments' : scriptFile, [located.problem]);
		file = located.file;
	}
	try {
		return await stashMusic(file, publicDir);
	} catch (error) {
		throw new InputError(musicFlag ? 'arguments' : scriptFile, [
			{ path: musicFlag ? '--music' : 'music', message: `${given ?? file} is not audio that can be decoded (${(error as Error).message}); use an MP3, M4A, OGG or WAV file` },
		]);
	}
};
