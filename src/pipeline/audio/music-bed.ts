import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentName, stashFile } from '../../node/stash-by-content';
import { probeMedia } from '../media/probe-media';
import { PROJECT_ROOT } from '../../node/project-root';
import { DEFAULT_MOOD, MUSIC_MOODS, type MusicMood } from './music-moods';

/** One of the beds the project synthesised itself (scripts/make-music-bed.ts, CC0), by mood. */
export const moodBedFile = (mood: MusicMood): string => path.join(PROJECT_ROOT, mood.file);

/** The bed of a script that asks for no mood: the offline default. */
export const DEFAULT_MUSIC_BED = moodBedFile(MUSIC_MOODS[DEFAULT_MOOD]);

export const MUSIC_DIR = 'music';

export type StashedMusic = { readonly src: string; readonly durationMs: number };

/**
 * Checks that a music file decodes and copies it into the render's public folder under its content hash.
 * Returns what buildProps' `music` option takes.
 */
export const stashMusic = async (file: string, publicDir: string): Promise<StashedMusic> => {
	const facts = await probeMedia(file).catch(() => null);
	if (!facts?.audio || facts.durationMs <= 0) throw new Error(`${file} has no audio that can be decoded; use a WAV, MP3, M4A or OGG file`);
	const bytes = await readFile(file);
	const ext = path.extname(file).slice(1).toLowerCase() || 'audio';
	const src = await stashFile(file, contentName(bytes, MUSIC_DIR, ext), publicDir);
	return { src, durationMs: facts.durationMs };
};
