import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { VideoScript } from '../../schema/video-script';
import { InputError } from '../../schema/input-error';
import { probeMedia } from '../media/probe-media';
import { locate } from '../assets/supplied-assets';
import { moodBedFile, stashMusic, type StashedMusic } from './music-bed';
import { MUSIC_MOODS, moodForStyle, type MusicMood, type MusicMoodName } from './music-moods';
import { musicTempo } from './music-tempo';

/** The bed in the render's public folder, with its beat when known: what buildProps' `music` option takes. */
export type PlacedMusic = StashedMusic & { readonly bpm?: number; readonly beatOffsetMs?: number };

/** The music bed, found and checked; `stash` copies it into the render's public folder. */
export type CheckedMusic = {
	readonly file: string;
	/** One of our beds (chosen by `music_style`, or named by its path), or null for a person's own file. */
	readonly mood: MusicMoodName | null;
	readonly stash: (publicDir: string) => Promise<PlacedMusic>;
};

/** Our bed at `file`, if it is one: its tempo is in the table, not guessed. */
const ourBed = async (file: string): Promise<MusicMood | null> => {
	const real = await realpath(file).catch(() => file);
	for (const mood of Object.values(MUSIC_MOODS)) if ((await realpath(moodBedFile(mood)).catch(() => null)) === real) return mood;
	return null;
};

/**
 * The music bed of a render: `--music` first, then the script's `music` (relative to the script, inside its
 * folder or the project), else our bed for the script's `music_style` (music-moods.ts). A person's file is found
 * and probed here, before any voice or image is made, and nothing is copied until `stash`, which also finds its
 * beat (music-tempo.ts) so that scene cuts can land on it.
 */
export const checkMusic = async (
	script: Pick<VideoScript, 'music' | 'music_style'>,
	scriptFile: string,
	projectRoot: string,
	musicFlag?: string,
): Promise<CheckedMusic> => {
	let mood: MusicMood | null = moodForStyle(script.music_style);
	let file = moodBedFile(mood);
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
		mood = await ourBed(file);
	}
	const chosen = mood;
	return {
		file,
		mood: chosen?.name ?? null,
		stash: async (publicDir) => {
			let stashed: StashedMusic;
			try {
				stashed = await stashMusic(file, publicDir);
			} catch (error) {
				throw undecodable((error as Error).message);
			}
			if (chosen) return { ...stashed, bpm: chosen.bpm, beatOffsetMs: 0 };
			const tempo = await musicTempo(file, publicDir);
			return tempo ? { ...stashed, bpm: tempo.bpm, beatOffsetMs: Math.round(tempo.offsetSeconds * 1000) } : stashed;
		},
	};
};

/** `--music` before there is a script: make checks it before the script is written. */
export const checkMusicFlag = (musicFlag: string, projectRoot: string): Promise<CheckedMusic> => checkMusic({}, process.cwd(), projectRoot, musicFlag);
