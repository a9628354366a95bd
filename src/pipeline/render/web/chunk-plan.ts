export type Chunk = { readonly index: number; readonly frameRange: readonly [number, number] };

export const frameCount = (range: readonly [number, number]): number => range[1] - range[0] + 1;

/**
 * Cuts a render into chunks of `chunkFrames` frames (the last one shorter), or shorter ones where that gives every
 * browser work. The page holds one chunk's encoded video and PCM at a time, so memory depends on the chunk's
 * length, the same for a short video as for a long one; and a finished chunk is kept on disk, so a killed render
 * resumes from the first missing one.
 */
export const planChunks = (range: readonly [number, number], concurrency: number, chunkFrames: number): Chunk[] => {
	const [first, last] = range;
	const size = Math.max(1, Math.min(Math.floor(chunkFrames), Math.ceil(frameCount(range) / Math.max(1, Math.floor(concurrency)))));
	const chunks: Chunk[] = [];
	for (let start = first; start <= last; start += size) chunks.push({ index: chunks.length, frameRange: [start, Math.min(start + size - 1, last)] });
	return chunks;
};
