import { access, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sweepStalePartials } from '../../../node/stale-partials';
import type { Chunk } from './chunk-plan';

export type ChunkStore = {
	/** Folder of this render's finished chunks. */
	readonly dir: string;
	/** Chromium's log of a failed render goes here, beside the chunks a rerun resumes from. */
	readonly logFile: string;
	fileFor: (chunk: Chunk) => string;
	isFinished: (chunk: Chunk) => Promise<boolean>;
	/** Removes every chunk of this output, once the joined video is in place. */
	clear: () => Promise<void>;
};

const pad = (frame: number) => String(frame).padStart(7, '0');

/**
 * Finished chunks of one output, kept under a hidden folder beside it and keyed by the render key (props,
 * settings, drawing code, browser) and their frame range: `.video.mp4.chunks/<key>/0000000-0000899.mp4`.
 * Opening it drops chunks of any other key for this output, and partial chunks of runs that were killed.
 */
export const openChunkStore = async (outputFile: string, renderKey: string): Promise<ChunkStore> => {
	const root = path.join(path.dirname(outputFile), `.${path.basename(outputFile)}.chunks`);
	const keyDir = renderKey.slice(0, 24);
	const dir = path.join(root, keyDir);
	await mkdir(dir, { recursive: true });
	const others = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== keyDir);
	await Promise.all(others.map((entry) => rm(path.join(root, entry.name), { recursive: true, force: true })));
	await sweepStalePartials([dir]);
	const fileFor = (chunk: Chunk) => path.join(dir, `${pad(chunk.frameRange[0])}-${pad(chunk.frameRange[1])}.mp4`);
	return {
		dir,
		logFile: path.join(root, 'chromium.log'),
		fileFor,
		isFinished: (chunk) =>
			access(fileFor(chunk)).then(
				() => true,
				() => false,
			),
		clear: () => rm(root, { recursive: true, force: true }),
	};
};
