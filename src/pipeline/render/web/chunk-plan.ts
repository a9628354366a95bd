import { splitFrames } from './split-frames';

export type Chunk = { readonly index: number; readonly frameRange: readonly [number, number] };

export const frameCount = (range: readonly [number, number]): number => range[1] - range[0] + 1;

/**
 * Cuts a render into chunks of at most `chunkFrames` frames, and into no fewer than `concurrency` so every
 * browser has work. The page holds one chunk's encoded video and PCM at a time, so memory does not grow
 * with the video; and a finished chunk is kept on disk, so a killed render resumes from the first missing one.
 */
export const planChunks = (range: readonly [number, number], concurrency: number, chunkFrames: number): Chunk[] =>
	splitFrames(range, Math.max(concurrency, Math.ceil(frameCount(range) / Math.max(1, chunkFrames)))).map((frameRange, index) => ({ index, frameRange }));
