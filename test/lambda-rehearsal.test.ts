import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScripts } from '../src/lambda/batch-inputs';
import { deployLambda } from '../src/lambda/deploy';
import { LAMBDA_DEFAULTS, type LambdaConfig } from '../src/lambda/lambda-config';
import { runLambdaBatch, type LambdaBatchResult } from '../src/lambda/run-lambda-batch';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { bundleSite } from '../src/pipeline/render/bundle-site';
import { renderScript } from '../src/pipeline/stages/render-script';
import { encodeWav } from '../src/providers/voice/espeak/wav';
import { createProceduralStoryboard } from '../src/providers/storyboard/procedural/procedural-storyboard';
import type { VideoProps } from '../src/schema/video-props';
import { sceneSlots, totalDurationInFrames } from '../src/timeline/scene-timeline';
import { CLICK_AT_MS, clickOnsetsMs, clickVoice } from './helpers/click-voice';
import { decodeFrame } from './helpers/decode-image';
import { RehearsalLambdaClient } from './helpers/lambda-rehearsal/rehearsal-lambda-client';
import { psnr } from './helpers/psnr';
import { ROOT } from './helpers/run-command';
import { startS3LikeServer, type S3LikeServer } from './helpers/s3-like-server';
import { makeTempDir, removeAfterFile } from './helpers/temp-dir';
import { videoColor } from './helpers/video-color';

/** The video's 156 frames in chunks of 60: three chunks, the last one short, so two seams to get wrong. */
const CONFIG: LambdaConfig = { ...LAMBDA_DEFAULTS, framesPerLambda: 60 };
const SLUG = 'render-test-three-scenes';
const PLATFORM = 'bilibili';

const videoOf = (outDir: string) => path.join(outDir, SLUG, PLATFORM, 'video.mp4');

describe('the Lambda rehearsal: the deployed site renders URL props from an S3-like bucket in chunks, joined and packaged as lambda:render does', () => {
	let dir: string;
	let s3: S3LikeServer;
	let client: RehearsalLambdaClient;
	let scriptFile: string;
	let batch: LambdaBatchResult;
	let props: VideoProps;
	const videos: Record<'web' | 'screenshot' | 'lambda', string> = { web: '', screenshot: '', lambda: '' };

	beforeAll(async () => {
		dir = await makeTempDir('reelsmith-rehearsal-');
		s3 = await startS3LikeServer();
		scriptFile = path.join(dir, 'script.json');
		// a silent music bed, so that the voices' clicks are all there is to hear
		const script = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8')) as Record<string, unknown>;
		await writeFile(path.join(dir, 'silence.wav'), encodeWav(new Int16Array(48_000), 48_000));
		await writeFile(scriptFile, JSON.stringify({ ...script, music: 'silence.wav' }));
		const providers = { voice: clickVoice(), storyboard: createProceduralStoryboard() };
		for (const engine of ['web', 'screenshot'] as const) {
			const outDir = path.join(dir, engine);
			await renderScript({ scriptFile, outDir, draft: true, settings: { engine }, ...providers });
			videos[engine] = videoOf(outDir);
			// the screenshot engine's bundle, made inside the render (bundles are made once per public folder)
			if (engine === 'screenshot') removeAfterFile(await bundleSite(path.join(outDir, '.cache')));
		}
		client = new RehearsalLambdaClient(s3, path.join(dir, 'functions'));
		await deployLambda({ client, config: CONFIG, bundle: async () => removeAfterFile(await bundleSite(undefined, { copyPublicDir: true })) });
		const outDir = path.join(dir, 'lambda');
		batch = await runLambdaBatch({ client, config: CONFIG, scripts: await loadScripts([scriptFile]), outDir, draft: true, pollIntervalMs: 200, ...providers });
		videos.lambda = videoOf(outDir);
		props = JSON.parse(await readFile(path.join(outDir, SLUG, PLATFORM, 'props.json'), 'utf8')) as VideoProps;
	}, 600_000);

	afterAll(async () => {
		await s3?.close();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it('renders on "Lambda" and packages the video', () => {
		expect(batch.videos).toEqual([expect.objectContaining({ status: 'rendered', video: videos.lambda })]);
	});

	it('read the site, the pictures and the voices from the bucket through signed URLs', () => {
		const gets = s3.requests.filter((r) => r.method === 'GET');
		expect(gets.some((r) => r.path.endsWith('/sites/reelsmith/index.html'))).toBe(true);
		const voices = gets.filter((r) => /\/assets\/[0-9a-f]{64}\.wav$/.test(r.path));
		expect(voices.filter((r) => r.status < 300).length).toBeGreaterThan(0);
		// the renderer reads media in byte ranges, which S3 answers with 206
		expect(voices.some((r) => r.range !== null && r.status === 206)).toBe(true);
		expect(gets.filter((r) => /\/assets\/[0-9a-f]{64}\.(png|jpe?g|webp)$/.test(r.path) && r.status < 300).length).toBeGreaterThan(0);
	});

	it('tags the Lambda video as the screenshot engine does: limited-range BT.709', async () => {
		expect(await videoColor(videos.lambda)).toEqual({
			pix_fmt: 'yuv420p',
			color_range: 'tv',
			color_space: 'bt709',
			color_transfer: 'bt709',
			color_primaries: 'bt709',
		});
	});

	it('joins the chunks into exactly the frames of the local renders', async () => {
		const frames = await Promise.all(Object.values(videos).map(async (v) => (await probeMedia(v)).video?.frames));
		const expected = totalDurationInFrames(props.scenes);
		// more than two chunks of 60, the last one short
		expect(expected).toBeGreaterThan(2 * CONFIG.framesPerLambda);
		expect(expected % CONFIG.framesPerLambda).not.toBe(0);
		expect(frames).toEqual([expected, expected, expected]);
	});

	it.each(['web', 'screenshot', 'lambda'] as const)("%s: each voice starts within 1 ms of its scene's first frame", async (engine) => {
		const slots = sceneSlots(props.scenes);
		const expected = props.scenes.map((_, i) => (slots[i]!.startFrame * 1000) / props.fps + CLICK_AT_MS);
		const onsets = await clickOnsetsMs(videos[engine]);
		expect(onsets).toHaveLength(expected.length);
		for (const [i, onset] of onsets.entries()) expect(Math.abs(onset - expected[i]!)).toBeLessThanOrEqual(1);
	});

	it('draws the same pictures as the local renders, one frame in each scene', async () => {
		const { width, height } = (await probeMedia(videos.lambda)).video!;
		const slots = sceneSlots(props.scenes);
		for (const slot of slots) {
			const frame = slot.startFrame + 20;
			const [lambda, screenshot, web] = await Promise.all([videos.lambda, videos.screenshot, videos.web].map((v) => decodeFrame(v, frame, width, height)));
			expect(psnr(lambda!, screenshot!)).toBeGreaterThan(35);
			expect(psnr(lambda!, web!)).toBeGreaterThan(27);
		}
	});

	it('a voice gone from the bucket fails the render within seconds, naming the asset without its signature', async () => {
		const script = JSON.parse(await readFile(scriptFile, 'utf8')) as Record<string, unknown>;
		const lostFile = path.join(dir, 'lost.json');
		await writeFile(lostFile, JSON.stringify({ ...script, title: 'Render test: a lost voice' }));
		const voiceKey = s3.requests.map((r) => /\/(assets\/[0-9a-f]{64}\.wav)$/.exec(r.path)?.[1]).find(Boolean)!;
		// as a lifecycle rule would, between the upload and the render
		client.beforeRender = async () => s3.remove('remotionlambda-rehearsal', voiceKey);
		const outDir = path.join(dir, 'lost');
		const failedBefore = client.renderMs.length;
		const result = await runLambdaBatch({
			client,
			config: CONFIG,
			scripts: await loadScripts([lostFile]),
			outDir,
			draft: true,
			pollIntervalMs: 200,
			voice: clickVoice(),
			storyboard: createProceduralStoryboard(),
		});
		const attempts = client.renderMs.slice(failedBefore);
		expect(result.failed).toBe(1);
		const failure = result.videos[0]!;
		expect(failure.status).toBe('failed');
		if (failure.status !== 'failed') return;
		expect(failure.error).toContain(voiceKey);
		expect(failure.error).not.toMatch(/X-Amz-|Signature|Security-Token/);
		expect(attempts).toHaveLength(2);
		for (const ms of attempts) expect(ms).toBeLessThan(15_000);
	}, 120_000);
});
