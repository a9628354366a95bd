import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureLoudness, PLATFORM_LOUDNESS } from '../src/pipeline/audio/loudness';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { renderSettings, type RenderSettings } from '../src/pipeline/render/render-settings';
import type { RenderProgress } from '../src/pipeline/render/render-video';
import { planChunks } from '../src/pipeline/render/web/chunk-plan';
import { ChunkRenderError } from '../src/pipeline/render/web/chunk-render-error';
import { renderVideoOnWeb } from '../src/pipeline/render/web/render-video-on-web';
import type { VideoProps } from '../src/schema/video-props';
import { descendantsMatching } from './helpers/browser-processes';
import { makeTempDir } from './helpers/temp-dir';
import { soundtrackMd5, toneProps } from './helpers/tone-props';

/** Signals every renderer process of the browsers this test process started. */
const signalRenderers = (signal: NodeJS.Signals) => {
	const renderers = descendantsMatching(process.pid, '--type=renderer');
	for (const pid of renderers) process.kill(pid, signal);
	return renderers.length;
};

describe('a web render cut into chunks', () => {
	let dir: string;
	let props: VideoProps;
	// draft size, chunks of at most 30 frames: the 3-scene fixture makes seven, one browser renders them in turn
	const settings: RenderSettings = { ...renderSettings(true), concurrency: 1, chunkFrames: 30 };
	let whole: { frames: number; md5: string };

	beforeAll(async () => {
		dir = await makeTempDir('reelsmith-resume-');
		props = await toneProps(dir);
		// the reference: the same chunks rendered without interruption
		const result = await renderVideoOnWeb({ publicDir: dir, props, outputFile: path.join(dir, 'whole.mp4'), settings });
		whole = { frames: (await probeMedia(result.file)).video!.frames, md5: await soundtrackMd5(result.file) };
	}, 240_000);

	it('is the same video as one rendered in a single chunk, and leaves no chunk and nothing in the temp folder behind', async () => {
		// what this process makes in the temp folder carries its pid (a CLI test checks a whole run's private temp folder)
		const ours = async () => (await readdir(os.tmpdir())).filter((name) => name.includes(`-${process.pid}-`));
		expect(await ours()).toEqual([]);
		const single = await renderVideoOnWeb({ publicDir: dir, props, outputFile: path.join(dir, 'single.mp4'), settings: { ...settings, chunkFrames: 100_000 } });
		expect((await probeMedia(single.file)).video?.frames).toBe(whole.frames);
		expect(await soundtrackMd5(single.file)).toBe(whole.md5);
		expect((await readdir(dir)).filter((name) => name.includes('.chunks') || name.includes('.partial'))).toEqual([]);
		expect(await ours()).toEqual([]);
	}, 240_000);

	it('normalises the soundtrack to the platforms’ loudness as it joins the chunks', async () => {
		const result = await renderVideoOnWeb({ publicDir: dir, props, outputFile: path.join(dir, 'loud', 'video.mp4'), settings, loudness: PLATFORM_LOUDNESS });
		const measured = await measureLoudness(result.file);
		expect(result.loudness).toEqual(measured);
		expect(Math.abs(measured.integratedLufs - PLATFORM_LOUDNESS.targetLufs)).toBeLessThanOrEqual(1);
		expect(measured.truePeakDbtp).toBeLessThanOrEqual(PLATFORM_LOUDNESS.truePeakDbtp);
		// without a target the soundtrack is left as mixed, and no loudness is reported
		expect((await renderVideoOnWeb({ publicDir: dir, props, outputFile: path.join(dir, 'quiet', 'video.mp4'), settings })).loudness).toBeNull();
	}, 240_000);

	it('refuses, before drawing a frame, a size the browser cannot encode', async () => {
		const output = path.join(dir, 'odd', 'video.mp4');
		let drawn = 0;
		// 51% of 1920×1080 is 979×551: H.264 takes only even sizes
		const error = await renderVideoOnWeb({
			publicDir: dir,
			props,
			outputFile: output,
			settings: { ...settings, scale: 0.51 },
			onProgress: (p) => (drawn = p.renderedFrames),
		}).then(
			() => null,
			(e: unknown) => e,
		);
		expect(String(error)).toMatch(
			/the browser cannot encode this video \(.*979x551.*\): use Debian's chromium-headless-shell .* or render with --renderer screenshot/,
		);
		expect(drawn).toBe(0);
		expect(existsSync(output)).toBe(false);
	}, 60_000);

	it('fails at once with the chunk, the frame and a log when the page crashes, then resumes to the same video', async () => {
		const output = path.join(dir, 'crashed', 'video.mp4');
		let killed = 0;
		const crashing = renderVideoOnWeb({
			publicDir: dir,
			props,
			outputFile: output,
			settings,
			onProgress: (p: RenderProgress) => {
				// two chunks and a bit: the third dies part-way
				if (killed === 0 && p.renderedFrames >= 70) killed = signalRenderers('SIGKILL');
			},
		});
		const started = performance.now();
		const error = await crashing.then(
			() => null,
			(e: unknown) => e,
		);
		expect(performance.now() - started).toBeLessThan(120_000);
		expect(killed).toBeGreaterThan(0);
		expect(error).toBeInstanceOf(ChunkRenderError);
		const failure = error as ChunkRenderError;
		const chunks = planChunks([0, whole.frames - 1], 1, 30);
		const [first, last] = chunks[2]!.frameRange;
		expect(failure.message).toMatch(
			new RegExp(
				`^chunk 3 of ${chunks.length} \\(frames ${first}–${last}\\) failed at frame \\d+: the page crashed .*; Chromium's log: .*chromium\\.log; run again to resume \\(2 of ${chunks.length} chunks are kept\\)$`,
			),
		);
		expect(failure.frame).toBeGreaterThanOrEqual(first);
		expect(failure.frame).toBeLessThanOrEqual(last);
		expect(existsSync(failure.logFile!)).toBe(true);
		expect(existsSync(output)).toBe(false);

		const notices: string[] = [];
		let firstProgress: RenderProgress | null = null;
		const resumed = await renderVideoOnWeb({
			publicDir: dir,
			props,
			outputFile: output,
			settings,
			onStage: (m) => notices.push(m),
			onProgress: (p) => (firstProgress ??= p),
		});
		expect(notices).toEqual([`resuming: 2 of ${chunks.length} chunks (${first} frames) were rendered by an earlier run`]);
		expect(firstProgress!.renderedFrames).toBeGreaterThanOrEqual(first);
		expect((await probeMedia(resumed.file)).video?.frames).toBe(whole.frames);
		expect(await soundtrackMd5(resumed.file)).toBe(whole.md5);
		expect(await readdir(path.dirname(output))).toEqual(['video.mp4']);
	}, 240_000);

	it('fails a render whose page stops drawing, within the stall limit', async () => {
		const output = path.join(dir, 'stalled', 'video.mp4');
		let stopped = 0;
		const started = performance.now();
		const error = await renderVideoOnWeb({
			publicDir: dir,
			props,
			outputFile: output,
			settings,
			stallMs: 2000,
			onProgress: (p) => {
				if (stopped === 0 && p.renderedFrames >= 10) stopped = signalRenderers('SIGSTOP');
			},
		}).then(
			() => null,
			(e: unknown) => e,
		);
		expect(stopped).toBeGreaterThan(0);
		expect(performance.now() - started).toBeLessThan(60_000);
		const chunks = planChunks([0, whole.frames - 1], 1, 30);
		expect(String(error)).toMatch(
			new RegExp(
				`chunk 1 of ${chunks.length} \\(frames 0–${chunks[0]!.frameRange[1]}\\) failed at frame \\d+: no frame was drawn for [23] s \\(REELSMITH_RENDER_STALL_S sets the limit\\)`,
			),
		);
		expect(descendantsMatching(process.pid, '--type=renderer')).toEqual([]);
		expect(existsSync(output)).toBe(false);
	}, 120_000);
});
