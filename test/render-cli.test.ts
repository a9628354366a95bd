import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { videoPropsSchema } from '../src/schema/video-props';
import { totalDurationInFrames } from '../src/timeline/scene-timeline';
import { ROOT, runScript, type CommandResult } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

const FIXTURE = path.join(ROOT, 'test/fixtures/three-scenes.json');

describe('npm run render: bad input', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await makeTempDir('reelsmith-cli-');
	});

	it('prints every problem with its path and exits 2', async () => {
		const bad = path.join(dir, 'bad.json');
		const script = JSON.parse(await readFile(FIXTURE, 'utf8'));
		script.scenes[1].transition = 'swirl';
		script.target_platform = 'tiktok';
		delete script.scenes[2].narration;
		await writeFile(bad, JSON.stringify(script));
		const result = await runScript('scripts/render.ts', ['--props', bad, '--out', dir]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('3 problems');
		expect(result.stderr).toContain('scenes[1].transition: unknown transition "swirl"; use one of: fade_in, fade, slide_left');
		expect(result.stderr).toContain('target_platform: unknown platform "tiktok"; use one of: douyin, bilibili, youtube');
		expect(result.stderr).toContain('scenes[2].narration: missing narration');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('names the line and column of a JSON syntax error', async () => {
		const broken = path.join(dir, 'broken.json');
		await writeFile(broken, '{\n  "title": "x",\n  "scenes": [}\n');
		const result = await runScript('scripts/render.ts', ['--props', broken]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/line 3, column \d+: invalid JSON/);
	});

	it.each<[string, string[], RegExp]>([
		['a missing file', ['--props', 'no/such/script.json'], /file not found/],
		['no --props', [], /--props is required/],
		['an unknown platform', ['--props', FIXTURE, '--platform', 'tiktok'], /--platform: unknown platform "tiktok"; use one of: douyin, bilibili, youtube/],
		['an unknown flag', ['--props', FIXTURE, '--fast'], /Unknown option '--fast'/],
	])('rejects %s with exit 2', async (_name, args, message) => {
		const result: CommandResult = await runScript('scripts/render.ts', args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
	});

	it('rejects a supplied image that does not exist, naming the scene', async () => {
		const script = JSON.parse(await readFile(FIXTURE, 'utf8'));
		script.scenes[0].image = 'missing.png';
		const file = path.join(dir, 'with-image.json');
		await writeFile(file, JSON.stringify(script));
		const result = await runScript('scripts/render.ts', ['--props', file, '--out', dir]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/scenes\[0\]\.image: file missing\.png not found/);
	});
});

describe('npm run render: a real render', () => {
	it('writes an h264 MP4 with the computed frame count, an audio stream, and summary.json', async () => {
		const out = await makeTempDir('reelsmith-render-');
		const result = await runScript('scripts/render.ts', ['--props', FIXTURE, '--out', out]);
		expect(result.stderr + result.stdout).not.toContain('failed');
		expect(result.code).toBe(0);

		// scenes follow their voice, so the length comes from the props the run resolved
		const props = videoPropsSchema.parse(JSON.parse(await readFile(path.join(out, 'render-test-three-scenes', 'bilibili', 'props.json'), 'utf8')));
		const expectedFrames = totalDurationInFrames(props.scenes);
		for (const scene of props.scenes) {
			expect(scene.image?.src).toMatch(/^image\/[0-9a-f]{64}\.jpg$/);
			expect(scene.audio!.durationInFrames).toBeLessThan(scene.durationInFrames);
		}

		const video = path.join(out, 'render-test-three-scenes', 'bilibili', 'video.mp4');
		const facts = await probeMedia(video);
		expect(facts.video).toMatchObject({ codec: 'avc', width: 1920, height: 1080, fps: 30, frames: expectedFrames });
		expect(facts.audio).not.toBeNull();

		const summary = JSON.parse(await readFile(path.join(out, 'render-test-three-scenes', 'summary.json'), 'utf8'));
		expect(summary.outputs).toEqual(['bilibili/video.mp4']);
		expect(summary.platforms.bilibili).toMatchObject({
			video: 'bilibili/video.mp4',
			durationInFrames: expectedFrames,
			width: 1920,
			height: 1080,
			fps: 30,
		});
		expect(summary.platforms.bilibili.sizeBytes).toBeGreaterThan(10_000);
		expect(summary.platforms.bilibili.renderWallMs).toBeGreaterThan(0);
		expect(summary.platforms.bilibili.renderFps).toBeGreaterThan(0);
		expect(result.stderr).toMatch(/rendered \d+\/\d+ encoded \d+\/\d+/);
		expect(summary.stages).toMatchObject({ voice: { generated: 3, cached: 0 }, storyboard: { generated: 3, cached: 0 }, render: { generated: 1 } });
	}, 300_000);
});
