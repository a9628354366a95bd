import type { Chunk } from './chunk-plan';

/** A chunk that failed, said in one line: which chunk, which frame, why, where the log is, and how to resume. */
export class ChunkRenderError extends Error {
	constructor(
		readonly chunk: Chunk,
		readonly chunkCount: number,
		readonly frame: number,
		readonly reason: string,
		readonly logFile: string | null,
		readonly keptChunks: number,
	) {
		const [first, last] = chunk.frameRange;
		super(
			`chunk ${chunk.index + 1} of ${chunkCount} (frames ${first}–${last}) failed at frame ${frame}: ${reason}` +
				`${logFile ? `; Chromium's log: ${logFile}` : ''}; run again to resume (${keptChunks} of ${chunkCount} chunks are kept)`,
		);
		this.name = 'ChunkRenderError';
	}
}

/** The first line of an error's message: the cause, without the page's stack. */
export const firstLine = (error: unknown): string =>
	String(error instanceof Error ? error.message : error)
		.split('\n')[0]!
		.trim();
