import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { VideoScript } from '../../schema/video-script';
import { InputError } from '../../schema/input-error';
import { probeMedia } from '../media/probe-media';
import { locate } from '../assets/supplied-assets';
import { DEFAULT_MUSIC_BED, stashMusic, type StashedMusic } from './music-bed';

/** The music bed, found and checked; `stash` copies it into the render's public folder. */
export type CheckedMusic = { readonly file: string; readonly stash: (publicDir: string) => Promise<StashedMusic> };

/**
 * The music bed of a render: `--music` first, then the script's `music` (relative to the script, inside its
 * folder or the project), else the project's own bed. A person's file is found and probed here, before any
 * voice or image is made, and nothing is copied until `stash`.
 */
export const checkMusic = async (script: Pick<VideoScript, 'music'>, scriptFile: string, projectRoot: string, musicFlag?: string): Promise<CheckedMusic> => {
	let file = DEFAULT_MUSIC_BED;
	const given = musicFlag ?? script.music;
	const source = musicFlag ? 'arguments' : scriptFile;
	const field = musicFlag ? '--music' : 'music';
	const undecodable = (why: string) =>
		new InputError(source, [{ path: field, message: `${given ?? file} is not audio that can be decoded (${why}); use an MP3, M4A, OGG or WAV file` }]);
	if (given) {
		const base = musicFlag ? process.cwd() : path.dirname(path.resolve(scriptFile));
		const roots = [await realpath(base), await realpath(projectRoot)];
		const located = await locate(path.resolve(base, given), field, roots);
		if (!located.ok) throw new InputError(source, [located.problem]);
		file = located.file;
		const facts = await probeMedia(file).catch((error: Error) => error);
		if (facts instanceof Error) throw undecodable(facts.message);
		if (!facts.audio || facts.durationMs <= 0) throw undecodable('it has no audio stream');
	}
	return {
		file,
		stash: async (publicDir) => {
			try {
				return await stashMusic(file, publicDir);
			} catch (error) {
				throw undecodable((error as Error).message);
			}
		},
	};
};

/** `--music` before there is a script: make checks it before the script is written. */
export const checkMusicFlag = (musicFlag: string, projectRoot: string): Promise<CheckedMusic> => checkMusic({}, process.cwd(), projectRoot, musicFlag);
