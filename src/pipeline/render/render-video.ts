import { COMPOSITION_IDS } from '../../compositions/composition-ids';
import { makeCancelSignal, openBrowser, renderMedia, selectComposition, type RenderMediaProgress } from '@remotion/renderer';
import { stat } from 'node:fs/promises';
import { own } from '../../node/owned-resources';
import { partialPathFor } from '../../node/partial-path';
import { ownTempFiles } from '../../node/write-through-partial';
import { writeFinalVideo } from '../audio/final-video';
import type { VideoProps } from '../../schema/video-props';
import type { Loudness, LoudnessTarget } from '../audio/loudness';
import type { RenderFigures } from '../../output/render-record';
import { resolveBrowserExecutable } from './browser-executable';
import type { RenderSettings } from './render-settings';
import { renderStallMs, StallError, withStallWatchdog } from './stall-watchdog';
import { VIDEO_COLOR_SPACE } from './video-color-space';

export type RenderProgress = {
	readonly renderedFrames: number;
	readonly encodedFrames: number;
	readonly totalFrames: number;
	readonly progress: number;
};

export type RenderResult = RenderFigures & {
	/** The soundtrack's loudness once normalised, when the job asked for it. */
	readonly loudness: Loudness | null;
};

/** What any engine needs to render a video. */
export type VideoRenderJob = {
	readonly props: VideoProps;
	readonly outputFile: string;
	readonly settings: RenderSettings;
	readonly onProgress?: (progress: RenderProgress) => void;
	/** Inclusive frame range, for measuring a part of a video. */
	readonly frameRange?: readonly [number, number];
	/** Normalise the soundtrack to this loudness (the web engine does it while joining, encoding AAC once). */
	readonly loudness?: LoudnessTarget;
	/** A render that draws no frame for this long fails (default 60 s). */
	readonly stallMs?: number;
	/** One-line notices along the way, such as a resumed render. */
	readonly onStage?: (message: string) => void;
};

export type RenderVideoOptions = VideoRenderJob & { readonly serveUrl: string };

/** Chromium's own GL choice measured 2.5× faster than swangle on a CPU-only machine (npm run bench). */
export const CHROMIUM_OPTIONS = { gl: null, enableMultiProcessOnLinux: false } as const;

/**
 * Renders props to an H.264 MP4 with Remotion's renderMedia (a screenshot per frame). Writes through a
 * partial file, so a failed render never leaves a broken video where a good one was; a render that makes no
 * progress for `stallMs` is cancelled. Normalises loudness afterwards when the job asks.
 */
export const renderVideo = async ({
	serveUrl,
	props,
	outputFile,
	settings,
	onProgress,
	frameRange,
	loudness,
	stallMs,
}: RenderVideoOptions): Promise<RenderResult> => {
	const browserExecutable = resolveBrowserExecutable();
	const started = performance.now();
	const browser = await openBrowser('chrome', { browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error' });
	const closeBrowser = () => browser.close({ silent: true }).catch(() => undefined);
	const disown = own({ kind: 'browser', release: closeBrowser, releaseNow: () => undefined });
	try {
		const composition = await selectComposition({
			serveUrl,
			id: COMPOSITION_IDS.video,
			inputProps: props,
			puppeteerInstance: browser,
			browserExecutable,
			chromiumOptions: CHROMIUM_OPTIONS,
			logLevel: 'error',
		});
		const frames = frameRange ? frameRange[1] - frameRange[0] + 1 : composition.durationInFrames;
		// the picture and a lossless soundtrack apart, then one AAC encode with its priming trimmed (final-video.ts)
		const picture = partialPathFor(outputFile, 'picture');
		const soundtrack = partialPathFor(outputFile.replace(/\.[^./]*$/, '.wav'), 'soundtrack');
		const removeTemp = ownTempFiles([picture, soundtrack]);
		let measured: Loudness | null;
		try {
			const { cancelSignal, cancel } = makeCancelSignal();
			await withStallWatchdog(
				stallMs ?? renderStallMs(),
				(touch) =>
					renderMedia({
						serveUrl,
						composition,
						inputProps: props,
						codec: 'h264',
						audioCodec: 'pcm-16',
						separateAudioTo: soundtrack,
						colorSpace: VIDEO_COLOR_SPACE,
						outputLocation: picture,
						overwrite: true,
						puppeteerInstance: browser,
						browserExecutable,
						chromiumOptions: CHROMIUM_OPTIONS,
						concurrency: settings.concurrency,
						imageFormat: 'jpeg',
						jpegQuality: settings.jpegQuality,
						x264Preset: settings.x264Preset,
						crf: settings.crf,
						scale: settings.scale,
						enforceAudioTrack: true,
						frameRange: frameRange ? [frameRange[0], frameRange[1]] : null,
						cancelSignal,
						logLevel: 'error',
						onProgress: (p: RenderMediaProgress) => {
							touch();
							onProgress?.({ renderedFrames: p.renderedFrames, encodedFrames: p.encodedFrames, totalFrames: frames, progress: p.progress });
						},
					}),
				() => cancel(),
			).catch((error: unknown) => {
				if (error instanceof StallError) throw new Error(`the screenshot render ${error.message} and was cancelled; run again`);
				throw error;
			});
			measured = await writeFinalVideo(outputFile, { video: ['-i', picture], audio: soundtrack, fps: composition.fps, ...(loudness ? { loudness } : {}) });
		} finally {
			await removeTemp();
		}
		const wallMs = performance.now() - started;
		return {
			file: outputFile,
			durationInFrames: composition.durationInFrames,
			width: Math.round(composition.width * settings.scale),
			height: Math.round(composition.height * settings.scale),
			fps: composition.fps,
			sizeBytes: (await stat(outputFile)).size,
			wallMs: Math.round(wallMs),
			renderFps: Number((frames / (wallMs / 1000)).toFixed(2)),
			loudness: measured,
		};
	} finally {
		await closeBrowser();
		disown();
	}
};
