import { createHash } from 'node:crypto';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeThroughPartial } from '../../node/write-through-partial';
import { probeMedia } from '../media/probe-media';
import { PROJECT_ROOT } from '../render/bundle-site';

/** The bed the project synthesised itself (scripts/make-music-bed.ts, CC0): the offline default. */
export const DEFAULT_MUSIC_BED = path.join(PROJECT_ROOT, 'public/music/ambient-bed.m4a');

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
	const src = `${MUSIC_DIR}/${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}.${ext}`;
	const target = path.join(publicDir, src);
	await writeThroughPartial(target, (partial) => copyFile(file, partial));
	return { src, durationMs: facts.durationMs };
};
