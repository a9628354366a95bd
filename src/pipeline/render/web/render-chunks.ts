import { writeThroughPartial } from '../../../node/write-through-partial';
import { probeMedia } from '../../media/probe-media';
import type { EncoderCheckRequest, WebRenderProgress, WebRenderRequest } from '../../../web-render/web-render-protocol';
import { checkEncoder, EncoderMissingError } from './encoder-check';
import { frameCount, type Chunk } from './chunk-plan';
import { ChunkRenderError, firstLine } from './chunk-render-error';
import type { ChunkStore } from './chunk-store';
import { openRenderPage, PageOpenError, type RenderPage } from './render-page';
import { StallError, withStallWatchdog } from '../stall-watchdog';

export type RenderChunksJob = {
	readonly publicDir: string;
	readonly request: Omit<WebRenderRequest, 'frameRange' | 'uploadPath' | 'licenseKey'>;
	readonly chunks: readonly Chunk[];
	readonly store: ChunkStore;
	/** Browsers side by side, each rendering one chunk after another in its page. */
	readonly concurrency: number;
	readonly stallMs: number;
	/** The output's size and rate, which the browser's encoder must take before any frame is drawn. */
	readonly encoder: EncoderCheckRequest;
	readonly onChunkProgress: (chunk: Chunk, progress: WebRenderProgress) => void;
};

/** A chunk on disk must hold every frame it was asked for, and a soundtrack, before it counts as finished. */
const checkChunk = async (file: string, chunk: Chunk): Promise<void> => {
	const facts = await probeMedia(file);
	const expected = frameCount(chunk.frameRange);
	if (facts.video?.frames !== expected) throw new Error(`the rendered chunk holds ${facts.video?.frames ?? 0} frames, not ${expected}`);
	if (!facts.audio) throw new Error('the rendered chunk has no soundtrack');
};

/**
 * Renders the chunks not yet finished, `concurrency` at a time, each in a fresh browser (so what a browser holds
 * depends on the chunk's length, never the video's), writing each to a partial file, checking it and renaming it
 * into the store. The first failure (a crash,
 * a closed pipe, an exited browser, a stall) stops every browser and is thrown as a ChunkRenderError.
 */
export const renderChunks = async (job: RenderChunksJob): Promise<void> => {
	const { store, chunks } = job;
	const queue: Chunk[] = [];
	for (const chunk of chunks) if (!(await store.isFinished(chunk))) queue.push(chunk);
	let kept = chunks.length - queue.length;
	const pages = new Set<RenderPage>();
	let failure: Error | null = null;

	const renderOne = async (page: RenderPage, chunk: Chunk) => {
		let frame = chunk.frameRange[0];
		try {
			await writeThroughPartial(store.fileFor(chunk), async (partial) => {
				await withStallWatchdog(
					job.stallMs,
					(touch) =>
						page.renderToFile('renderVideo', { ...job.request, frameRange: chunk.frameRange }, partial, (p: WebRenderProgress) => {
							touch();
							frame = chunk.frameRange[0] + p.renderedFrames;
							job.onChunkProgress(chunk, p);
						}),
					async () => {
						await page.writeLog(store.logFile).catch(() => undefined);
						await page.close();
					},
				);
				await checkChunk(partial, chunk);
			});
			kept++;
		} catch (error) {
			if (failure) return;
			const log = error instanceof StallError ? store.logFile : await page.writeLog(store.logFile).catch(() => null);
			const reason =
				error instanceof StallError
					? `no frame was drawn for ${Math.round(error.stalledMs / 1000)} s (REELSMITH_RENDER_STALL_S sets the limit)`
					: firstLine(error);
			failure = new ChunkRenderError(chunk, chunks.length, Math.min(frame, chunk.frameRange[1]), reason, log, kept);
			await Promise.all([...pages].map((p) => p.close()));
		}
	};

	let encoderChecked = false;
	const worker = async () => {
		while (!failure && queue.length > 0) {
			const chunk = queue.shift()!;
			// a fresh browser for every chunk: one reused grew by every picture it had decoded (about 14 MB a scene at
			// 1080p), and asking it to let go made the chunks after slower by a third; a start costs about a second
			let page: RenderPage | null = null;
			try {
				try {
					page = await openRenderPage(job.publicDir, store.logFile);
					pages.add(page);
					if (!encoderChecked) await checkEncoder(page, job.encoder);
					encoderChecked = true;
				} catch (error) {
					const log = error instanceof PageOpenError ? error.logFile : page && !failure ? await page.writeLog(store.logFile).catch(() => null) : null;
					failure ??=
						error instanceof EncoderMissingError ? error : new ChunkRenderError(chunk, chunks.length, chunk.frameRange[0], firstLine(error), log, kept);
					queue.length = 0;
					return;
				}
				await renderOne(page, chunk);
			} finally {
				if (page) {
					pages.delete(page);
					await page.close();
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(job.concurrency, queue.length)) }, worker));
	if (failure) throw failure;
};
