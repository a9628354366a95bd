import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { combineChunks, openBrowser, RenderInternals, renderMedia, selectComposition } from '@remotion/renderer';
import type { MediaRenderRequest } from '../../../src/lambda/lambda-client';
import { LAMBDA_OUTPUT } from '../../../src/lambda/lambda-client';
import { resolveBrowserExecutable } from '../../../src/pipeline/render/browser-executable';
import { CHROMIUM_OPTIONS } from '../../../src/pipeline/render/render-video';

export type ChunkProgress = { readonly chunk: number; readonly chunks: number; readonly framesRendered: number };

/**
 * Frame ranges as Remotion's launch function plans them (@remotion/serverless plan-frame-ranges.js): chunks of
 * `framesPerFunction`, the last one shorter.
 */
export const planFrameRanges = (durationInFrames: number, framesPerFunction: number): [number, number][] =>
	Array.from({ length: Math.ceil(durationInFrames / framesPerFunction) }, (_, i) => [
		i * framesPerFunction,
		Math.min(durationInFrames - 1, (i + 1) * framesPerFunction - 1),
	]);

/**
 * What a Remotion Lambda render does with a MediaRenderRequest, done here: each chunk rendered as the renderer
 * function renders it (@remotion/serverless handlers/renderer.js: the chunk codec and audio codec chosen by
 * Remotion's own rules from the render's codec and `preferLossless`, the audio apart, `compositionStart`), then
 * the chunks joined by `combineChunks`, as the launch function does (concat-videos.js). Chunks run one after
 * another in one browser; on AWS each is a function of its own. Returns the joined file.
 */
export const renderLikeLambda = async (request: MediaRenderRequest, workDir: string, onChunk?: (progress: ChunkProgress) => void): Promise<string> => {
	const browserExecutable = resolveBrowserExecutable();
	const browser = await openBrowser('chrome', { browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error' });
	try {
		const composition = await selectComposition({
			serveUrl: request.serveUrl,
			id: request.composition,
			inputProps: request.inputProps,
			puppeteerInstance: browser,
			logLevel: 'error',
		});
		const ranges = planFrameRanges(composition.durationInFrames, request.framesPerLambda);
		const audioCodec = RenderInternals.getDefaultAudioCodec({ codec: LAMBDA_OUTPUT.codec, preferLossless: LAMBDA_OUTPUT.preferLossless });
		const seamlessAudio = RenderInternals.canConcatAudioSeamlessly(audioCodec, request.framesPerLambda);
		const chunkAudioCodec = audioCodec === null ? null : seamlessAudio ? audioCodec : 'pcm-16';
		const chunkCodec = RenderInternals.canConcatVideoSeamlessly(LAMBDA_OUTPUT.codec) ? 'h264-ts' : LAMBDA_OUTPUT.codec;
		await mkdir(workDir, { recursive: true });
		const videoFiles: string[] = [];
		const audioFiles: string[] = [];
		for (const [chunk, frameRange] of ranges.entries()) {
			const name = `localchunk-${String(chunk).padStart(8, '0')}`;
			const video = path.join(workDir, `${name}.${RenderInternals.getFileExtensionFromCodec(chunkCodec, chunkAudioCodec)}`);
			const audio = chunkAudioCodec ? path.join(workDir, `${name}.${RenderInternals.getExtensionFromAudioCodec(chunkAudioCodec)}`) : null;
			await renderMedia({
				serveUrl: request.serveUrl,
				composition,
				inputProps: request.inputProps,
				codec: chunkCodec,
				audioCodec: chunkAudioCodec,
				separateAudioTo: audio,
				forSeamlessAacConcatenation: seamlessAudio,
				compositionStart: 0,
				frameRange,
				outputLocation: video,
				imageFormat: 'jpeg',
				jpegQuality: request.jpegQuality,
				x264Preset: request.x264Preset,
				crf: request.crf,
				scale: request.scale,
				colorSpace: request.colorSpace,
				enforceAudioTrack: true,
				puppeteerInstance: browser,
				browserExecutable,
				chromiumOptions: CHROMIUM_OPTIONS,
				concurrency: 1,
				logLevel: 'error',
				onProgress: (p) => onChunk?.({ chunk, chunks: ranges.length, framesRendered: frameRange[0] + p.renderedFrames }),
			});
			videoFiles.push(video);
			if (audio) audioFiles.push(audio);
		}
		const output = path.join(workDir, `out.${RenderInternals.getFileExtensionFromCodec(LAMBDA_OUTPUT.codec, audioCodec)}`);
		await combineChunks({
			outputLocation: output,
			videoFiles,
			audioFiles,
			codec: LAMBDA_OUTPUT.codec,
			audioCodec: LAMBDA_OUTPUT.audioCodec,
			preferLossless: LAMBDA_OUTPUT.preferLossless,
			fps: composition.fps,
			framesPerChunk: request.framesPerLambda,
			compositionDurationInFrames: composition.durationInFrames,
			logLevel: 'error',
		});
		return output;
	} finally {
		await browser.close({ silent: true }).catch(() => undefined);
	}
};
