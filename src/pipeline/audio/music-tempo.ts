import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeOwnedTempDir } from '../../node/owned-temp-dir';
import { runFfmpeg } from '../../node/run-ffmpeg';
import { writeFileAtomic } from '../../node/write-file-atomic';
import { estimateTempo, type Tempo } from './tempo-estimate';

/** Enough for the onsets' rhythm (drums and note starts sit well below 5.5 kHz) at a quarter of the work of 44.1 kHz. */
const ANALYSIS_RATE = 11_025;
/** A tempo holds for a song; 90 s is plenty to find it and keeps a long file's analysis under a second. */
const ANALYSIS_SECONDS = 90;

/** Decoded mono samples at ANALYSIS_RATE, the first ANALYSIS_SECONDS of `file`. */
const decodeMono = async (file: string): Promise<Float32Array> => {
	const dir = makeOwnedTempDir('tempo');
	try {
		const raw = path.join(dir.path, 'mono.f32');
		// prettier-ignore
		await runFfmpeg(['-y', '-i', file, '-t', String(ANALYSIS_SECONDS), '-map', '0:a:0', '-ac', '1', '-ar', String(ANALYSIS_RATE), '-f', 'f32le', raw]);
		const bytes = await readFile(raw);
		return new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
	} finally {
		await dir.remove();
	}
};

/** Bumped when the analysis changes, so tempi found by an older one are found again. */
const TEMPO_VERSION = 1;

const readCached = async (file: string): Promise<Tempo | null | undefined> => {
	const text = await readFile(file, 'utf8').catch(() => null);
	if (text === null) return undefined;
	try {
		const cached = JSON.parse(text) as { version?: unknown; tempo?: { bpm?: unknown; offsetSeconds?: unknown } | null };
		if (cached.version !== TEMPO_VERSION) return undefined;
		if (cached.tempo === null) return null;
		const { bpm, offsetSeconds } = cached.tempo ?? {};
		return typeof bpm === 'number' && typeof offsetSeconds === 'number' ? { bpm, offsetSeconds } : undefined;
	} catch {
		return undefined;
	}
};

/** Within a run: each platform prepares the same music. */
const known = new Map<string, Promise<Tempo | null>>();

/**
 * The tempo and first beat of a person's music file (tempo-estimate.ts), or null when it has no steady beat.
 * A song takes a second or two to analyse, so the answer is kept by the file's content in `cacheDir`
 * (`music/<sha256>.tempo.json`, next to the stashed file).
 */
export const musicTempo = async (file: string, cacheDir: string): Promise<Tempo | null> => {
	const hash = createHash('sha256')
		.update(await readFile(file))
		.digest('hex')
		.slice(0, 24);
	const cacheFile = path.join(cacheDir, 'music', `${hash}.tempo.json`);
	let tempo = known.get(cacheFile);
	if (!tempo) {
		tempo = (async () => {
			const cached = await readCached(cacheFile);
			if (cached !== undefined) return cached;
			const found = estimateTempo(await decodeMono(file), ANALYSIS_RATE);
			await writeFileAtomic(cacheFile, `${JSON.stringify({ version: TEMPO_VERSION, tempo: found })}\n`);
			return found;
		})();
		known.set(cacheFile, tempo);
		tempo.catch(() => known.delete(cacheFile));
	}
	return tempo;
};
