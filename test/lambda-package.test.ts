import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScripts } from '../src/lambda/batch-inputs';
import { deployLambda } from '../src/lambda/deploy';
import { formatBatchResult } from '../src/lambda/format-batch-result';
import { LAMBDA_DEFAULTS } from '../src/lambda/lambda-config';
import type { MediaRenderRequest, StillRenderRequest } from '../src/lambda/lambda-client';
import { runLambdaBatch, type LambdaBatchOptions } from '../src/lambda/run-lambda-batch';
import { runFfmpeg } from '../src/node/run-ffmpeg';
import type { Loudness } from '../src/output/render-record';
import type { VideoSummary } from '../src/output/summary';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { videoPropsSchema } from '../src/schema/video-props';
import { totalDurationInFrames } from '../src/timeline/scene-timeline';
import { fatal, FakeLambdaClient, SUCCESS } from './helpers/fake-lambda-client';
import { json, validScript } from './helpers/script-builders';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

let dir: string;
let mediaFile: string;
let scriptFile: string;

beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-lambda-'));
	// what "Lambda" renders: a small real MP4 with sound (3 s: loudnorm fails on a 1 s clip), so normalisation runs for real
	mediaFile = path.join(dir, 'lambda-output.mp4');
	// ffmpeg arguments stay in option–value pairs
	// prettier-ignore
	await runFfmpeg([
		'-y', '-f', 'lavfi', '-i', 'color=c=navy:s=64x64:d=3', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3:sample_rate=48000',
		'-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', mediaFile,
	]);
	scriptFile = path.join(dir, 'script.json');
	await writeFile(scriptFile, json(validScript({ title: 'Lambda package test' })));
});

afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

const deployedClient = async () => {
	const client = new FakeLambdaClient();
	client.mediaFile = mediaFile;
	const bundle = path.join(dir, 'bundle');
	await mkdir(bundle, { recursive: true });
	await writeFile(path.join(bundle, 'index.html'), '<html></html>');
	await deployLambda({ client, config: LAMBDA_DEFAULTS, bundle: async () => bundle });
	return client;
};

const run = async (client: FakeLambdaClient, outDir: string, extra: Partial<LambdaBatchOptions> = {}) =>
	runLambdaBatch({
		client,
		config: LAMBDA_DEFAULTS,
		scripts: await loadScripts([scriptFile]),
		platforms: ['douyin', 'youtube'],
		outDir,
		voice: null,
		storyboard: null,
		pollIntervalMs: 0,
		sleep: tick,
		...extra,
	});

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;

describe('Lambda renders land in the local package layout', { timeout: 60_000 }, () => {
	it('downloads each video into out/<slug>/<platform>/ with its cover, captions, metadata and summary.json', async () => {
		const client = await deployedClient();
		const outDir = path.join(dir, 'out-full');
		const result = await run(client, outDir);
		expect(result.videos.filter((v) => v.status === 'failed')).toEqual([]);
		const slugDir = path.join(outDir, 'lambda-package-test');

		const renders = client.callsTo('renderMedia') as MediaRenderRequest[];
		expect(renders.map((r) => r.inputProps.platform)).toEqual(['douyin', 'youtube']);
		for (const platform of ['douyin', 'youtube']) {
			const pkg = path.join(slugDir, platform);
			for (const name of ['video.mp4', 'cover.jpg', 'captions.srt', 'captions.vtt', 'metadata.json', 'props.json']) {
				expect((await stat(path.join(pkg, name))).size, `${platform}/${name}`).toBeGreaterThan(0);
			}
			const facts = await probeMedia(path.join(pkg, 'video.mp4'));
			expect(facts.audio).toBeTruthy();
		}
		// packaged concurrently: order by platform
		const downloads = (client.callsTo('downloadMedia') as { outPath: string; renderId: string }[]).sort((a, b) => a.outPath.localeCompare(b.outPath));
		// each download lands in its package's staging folder, kept there until the package is whole and swapped in
		expect(downloads.map((d) => path.dirname(d.outPath))).toEqual([path.join(slugDir, '.douyin.staging'), path.join(slugDir, '.youtube.staging')]);
		expect((await readdir(slugDir)).filter((name) => name.startsWith('.'))).toEqual([]);
		expect(downloads.map((d) => d.renderId).sort()).toEqual(['render-1', 'render-2']);

		// what Lambda got: validated props with asset URLs, the ShortVideo composition, the final settings
		const douyin = renders[0]!;
		const lambdaProps = videoPropsSchema.parse(douyin.inputProps);
		expect(lambdaProps.music?.src).toMatch(/^https:\/\/remotionlambda-useast1-fake\.s3\.us-east-1\.amazonaws\.com\/assets\/[0-9a-f]{64}\.m4a$/);
		expect(douyin).toMatchObject({
			composition: 'ShortVideo',
			framesPerLambda: 120,
			jpegQuality: 80,
			x264Preset: 'veryfast',
			crf: 20,
			scale: 1,
			colorSpace: 'bt709',
		});
		const stills = (client.callsTo('renderStill') as StillRenderRequest[]).sort((a, b) =>
			String(a.inputProps.platform).localeCompare(String(b.inputProps.platform)),
		);
		expect(stills.map((s) => [s.composition, s.inputProps])).toEqual([
			['Cover', renders[0]!.inputProps],
			['Cover', renders[1]!.inputProps],
		]);
		// the two platforms share one music bed: sent once
		expect(client.callsTo('putObject')).toHaveLength(1);

		const summary = await readJson<
			VideoSummary & { lambda: Record<string, { renderId: string }>; loudness: Record<string, Loudness>; stages: object; cost: object; scenes: unknown[] }
		>(path.join(slugDir, 'summary.json'));
		const localProps = videoPropsSchema.parse(await readJson(path.join(slugDir, 'douyin', 'props.json')));
		expect(localProps.music?.src).toMatch(/^music\//);
		expect(summary).toMatchObject({ title: 'Lambda package test', slug: 'lambda-package-test' });
		// both platforms' packaging wrote summary.json; neither entry is lost
		expect([...summary.outputs].sort()).toEqual(['douyin/video.mp4', 'youtube/video.mp4']);
		expect(Object.keys(summary.lambda).sort()).toEqual(['douyin', 'youtube']);
		expect(Object.keys(summary.loudness).sort()).toEqual(['douyin', 'youtube']);
		expect(summary.platforms.douyin).toMatchObject({
			video: 'douyin/video.mp4',
			durationInFrames: totalDurationInFrames(localProps.scenes),
			width: 1080,
			height: 1920,
			fps: 30,
			sizeBytes: (await stat(path.join(slugDir, 'douyin', 'video.mp4'))).size,
			draft: false,
		});
		expect(summary.platforms.douyin!.renderKey).toMatch(/^[0-9a-f]{64}$/);
		expect(summary.platforms.youtube).toMatchObject({ width: 1920, height: 1080 });
		expect(summary.stages).toMatchObject({ voice: { generated: 0 }, storyboard: { generated: 0 }, render: { generated: 1, cached: 0 } });
		expect(summary.scenes).toHaveLength(2);
		expect(summary.cost).toMatchObject({ this_run_usd: 0 });
		expect(summary.loudness.douyin?.integratedLufs).toBeTypeOf('number');
		expect(summary.lambda.douyin).toMatchObject({
			region: 'us-east-1',
			bucket: 'remotionlambda-useast1-fake',
			renderId: downloads[0]!.renderId,
			attempts: 1,
			framesPerLambda: 120,
			costUsd: 0.0021,
		});
		expect(summary.lambda.youtube?.renderId).toBe(downloads[1]!.renderId);
		expect(result.videos.map((v) => v.status === 'rendered' && v.costUsd)).toEqual([0.0021, 0.0021]);
		expect(formatBatchResult(result)).toContain(`render ${downloads[0]!.renderId}  $0.0021`);
	});

	it('keeps unchanged videos on the next run, and renders again only the one that failed', async () => {
		const client = await deployedClient();
		client.scenario = (request) => (request.inputProps.platform === 'youtube' ? fatal('Lambda ran out of memory', 2) : SUCCESS);
		const outDir = path.join(dir, 'out-retry');
		const first = await run(client, outDir);
		expect(first.failed).toBe(1);
		const failed = first.videos.find((v) => v.status === 'failed');
		expect(failed).toMatchObject({ status: 'failed', video: path.join(outDir, 'lambda-package-test', 'youtube', 'video.mp4') });
		expect(formatBatchResult(first)).toMatch(
			/FAILED +\S+youtube\/video\.mp4 +render render-\d+: chunk 2: Lambda ran out of memory \(first try render-\d+: chunk 2/,
		);
		expect(first.videos.find((v) => v.video.includes('douyin'))?.status).toBe('rendered');

		client.scenario = () => SUCCESS;
		const rendersBefore = client.callsTo('renderMedia').length;
		const second = await run(client, outDir);
		expect(second.failed).toBe(0);
		expect(second.videos.map((v) => [path.basename(path.dirname(v.video)), v.status])).toEqual([
			['douyin', 'kept'],
			['youtube', 'rendered'],
		]);
		expect(client.callsTo('renderMedia').length - rendersBefore).toBe(1);
		expect(client.callsTo('putObject')).toHaveLength(1);
	});

	it('keeps a paid render when packaging fails, says where, and packages it on the next run without rendering again', async () => {
		const client = await deployedClient();
		const outDir = path.join(dir, 'out-kept');
		const wrapper = path.join(dir, 'ffmpeg-failing-loudness');
		await writeFile(wrapper, '#!/bin/sh\ncase "$*" in *"-c:a aac"*) echo "encoding the soundtrack failed" >&2; exit 1;; esac\nexec ffmpeg "$@"\n');
		await chmod(wrapper, 0o755);
		process.env.REELSMITH_FFMPEG = wrapper;
		let first;
		try {
			first = await run(client, outDir, { platforms: ['douyin'] });
		} finally {
			delete process.env.REELSMITH_FFMPEG;
		}
		const kept = path.join(outDir, 'lambda-package-test', '.douyin.staging', 'lambda-render.mkv');
		expect(first.failed).toBe(1);
		expect(first.videos[0]).toMatchObject({ status: 'failed' });
		expect((first.videos[0] as { error: string }).error).toContain(`the render from Lambda is kept at ${kept}`);
		expect((await stat(kept)).size).toBe((await stat(mediaFile)).size);
		expect(await stat(path.join(outDir, 'lambda-package-test', 'douyin')).catch(() => null)).toBeNull();

		const renders = client.callsTo('renderMedia').length;
		const second = await run(client, outDir, { platforms: ['douyin'] });
		expect(second.failed).toBe(0);
		expect(second.videos[0]).toMatchObject({ status: 'rendered', attempts: 0 });
		expect(client.callsTo('renderMedia').length).toBe(renders);
		expect((await stat(path.join(outDir, 'lambda-package-test', 'douyin', 'video.mp4'))).size).toBeGreaterThan(0);
		expect(await stat(kept).catch(() => null)).toBeNull();
		const summary = await readJson<VideoSummary>(path.join(outDir, 'lambda-package-test', 'summary.json'));
		expect(summary.platforms.douyin?.sizeBytes).toBe((await stat(path.join(outDir, 'lambda-package-test', 'douyin', 'video.mp4'))).size);
	});
});
