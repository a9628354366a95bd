import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSuppliedAssets } from '../src/pipeline/assets/supplied-assets';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { InputError } from '../src/schema/input-error';
import { parseScriptValue } from '../src/schema/parse-script';
import { videoPropsSchema, type VideoProps } from '../src/schema/video-props';
import { sceneSlots, totalDurationInFrames } from '../src/timeline/scene-timeline';
import { clipVolume } from '../src/timeline/clip-audio';
import { coverBox } from '../src/timeline/cover-box';
import { bandLevelDb, GREY_STEP, greyAt, makeFrameIndexClip, rgbAt } from './helpers/frame-index-clip';
import { runScript } from './helpers/run-command';
import { json, validScene, validScript, withFirstScene } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';

const TONE_HZ = 5000;
const CLIP_FRAMES = 45;

const problemsOf = (value: unknown) => {
	const result = parseScriptValue(value);
	return result.ok ? [] : result.problems;
};

describe('a scene may give a video clip', () => {
	it('takes video with video_start, loop and muted, and reads transition none as cut', () => {
		const result = parseScriptValue(
			validScript({ scenes: [validScene(1, { video: 'a.mp4', video_start: 1.5, loop: false, muted: false }), validScene(2, { transition: 'none' })] }),
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.script.scenes[0]).toMatchObject({ video: 'a.mp4', video_start: 1.5, loop: false, muted: false });
		expect(result.script.scenes[1]!.transition).toBe('cut');
	});

	it('refuses an image and a video together, clip fields without a video, and quoted booleans, naming each field', () => {
		expect(problemsOf(withFirstScene({ video: 'a.mp4', image: 'a.png' }))).toEqual([
			{ path: 'scenes[0].video', message: expect.stringContaining('an image or a video, not both') },
		]);
		const loose = problemsOf(withFirstScene({ video_start: 2, muted: false }));
		expect(loose.map((p) => p.path)).toEqual(['scenes[0].video_start', 'scenes[0].muted']);
		expect(loose[0]!.message).toContain('add "video" or remove video_start');
		expect(problemsOf(withFirstScene({ video: 'a.mp4', loop: 'true' }))).toEqual([
			{ path: 'scenes[0].loop', message: 'loop must be true or false, not the string "true"; write it without quotes' },
		]);
		expect(problemsOf(withFirstScene({ video: 'a.mp4', video_start: -1 }))[0]!.path).toBe('scenes[0].video_start');
	});

	it('covers the frame about the focus without distortion', () => {
		const box = coverBox({ width: 640, height: 360 }, { width: 1080, height: 1920 }, { x: 0.45, y: 0.38 });
		expect(box.height).toBe(1920);
		expect(box.width / box.height).toBeCloseTo(640 / 360, 6);
		expect(box.left).toBeCloseTo((1080 - box.width) * 0.45, 6);
		expect(box.left + box.width).toBeGreaterThanOrEqual(1080);
		expect(box.top).toBe(0);
	});

	it("ducks the clip's own sound under the narration's words", () => {
		const keys = clipVolume([{ startMs: 1000, endMs: 2000 }], 120, 30);
		const at = (frame: number) => keys.filter((k) => k.frame <= frame).at(-1)!.gain;
		expect(at(20)).toBeCloseTo(0.6, 3);
		expect(at(45)).toBeLessThan(0.6 * 0.2);
		expect(at(90)).toBeCloseTo(0.6, 3);
	});
});

describe('supplied clips are checked before any work', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await makeTempDir('clips-check-');
		await makeFrameIndexClip(path.join(dir, 'ok.mp4'), { width: 64, height: 112, frames: 30, fps: 30, toneHz: TONE_HZ });
		await writeFile(path.join(dir, 'not-a-video.mp4'), 'hello');
	});

	const check = async (scenes: Record<string, unknown>[]) => {
		const script = parseScriptValue(validScript({ scenes }));
		if (!script.ok) throw new Error(JSON.stringify(script.problems));
		return checkSuppliedAssets(script.script, path.join(dir, 'script.json'), dir);
	};

	it('accepts a decodable clip and records its size and length', async () => {
		const checked = await check([validScene(1, { video: 'ok.mp4', muted: false }), validScene(2)]);
		expect(checked.get(1)?.video?.clip).toMatchObject({ width: 64, height: 112, startMs: 0, loop: true, muted: false });
		expect(checked.get(1)?.video?.clip.durationMs).toBeCloseTo(1000, -2);
	});

	it('names the field of every bad clip at once', async () => {
		const error = await check([
			validScene(1, { video: 'missing.mp4' }),
			validScene(2, { video: 'not-a-video.mp4' }),
			validScene(3, { video: 'ok.mp4', video_start: 5 }),
		]).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InputError);
		const problems = (error as InputError).problems;
		expect(problems.map((p) => p.path)).toEqual(['scenes[0].video', 'scenes[1].video', 'scenes[2].video_start']);
		expect(problems[0]!.message).toContain('not found');
		expect(problems[1]!.message).toContain('not a video that can be read');
		expect(problems[2]!.message).toMatch(/video_start is 5 s but ok\.mp4 lasts only/);
	});
});

/** Where each scene starts, from the props the render wrote. */
const startsOf = (props: VideoProps) => sceneSlots(props.scenes).map((slot) => slot.startFrame);

describe('a clip scene, an image scene and a cut render on both engines', () => {
	let dir: string;
	let script: string;
	beforeAll(async () => {
		dir = await makeTempDir('clips-render-');
		await makeFrameIndexClip(path.join(dir, 'index.mp4'), { width: 320, height: 568, frames: CLIP_FRAMES, fps: 30, toneHz: TONE_HZ });
		script = path.join(dir, 'script.json');
		await writeFile(
			script,
			json({
				title: 'Clip scenes',
				duration_target: 7,
				target_platform: 'douyin',
				scenes: [
					// starts 15 frames in, so 30 frames of clip loop under a 2.5 s scene
					{
						scene_id: 1,
						narration: 'Hi.',
						visual_description: 'a grey test clip',
						duration: 2.5,
						transition: 'cut',
						video: 'index.mp4',
						video_start: 0.5,
						muted: false,
					},
					{ scene_id: 2, narration: 'A picture.', visual_description: 'a mountain lake at dawn', duration: 2 },
					// 45 frames of clip under a longer scene, held on its last frame, entered on a cut
					{ scene_id: 3, narration: 'Cut.', visual_description: 'the clip again', duration: 2.5, transition: 'none', video: 'index.mp4', loop: false },
				],
			}),
		);
	});

	for (const renderer of ['web', 'screenshot'] as const) {
		it(`${renderer}: the right frame count, the clip's own frames, looped and held, and its sound only when not muted`, { timeout: 300_000 }, async () => {
			const out = path.join(dir, renderer);
			const args = ['--props', script, '--out', out, '--draft', '--renderer', renderer];
			// the screenshot run mutes the clip: the same scene must then have no tone
			if (renderer === 'screenshot') {
				const muted = JSON.parse(await readFile(script, 'utf8')) as { scenes: Record<string, unknown>[] };
				muted.scenes[0]!.muted = true;
				await writeFile(path.join(dir, 'muted.json'), json(muted));
				args[1] = path.join(dir, 'muted.json');
			}
			const result = await runScript('scripts/render.ts', args);
			expect(result.code, result.stderr).toBe(0);
			const folder = path.join(out, 'clip-scenes', 'douyin');
			const props = videoPropsSchema.parse(JSON.parse(await readFile(path.join(folder, 'props.json'), 'utf8')));
			const video = path.join(folder, 'video.mp4');
			const facts = await probeMedia(video);

			expect(props.scenes.map((s) => [s.transition.name, s.transition.durationInFrames > 0])).toEqual([
				['cut', false],
				['fade', true],
				['cut', false],
			]);
			expect(props.scenes[0]!.video).toMatchObject({ startFrom: 15, durationInFrames: 30, loop: true, muted: renderer === 'screenshot' });
			expect(props.scenes[1]!.video).toBeNull();
			expect(props.scenes[1]!.image).not.toBeNull();
			expect(facts.video?.frames).toBe(totalDurationInFrames(props.scenes));

			// the middle of the frame, clear of overlay and captions, shows grey = source frame × GREY_STEP
			const x = Math.round(facts.video!.width / 2);
			const y = Math.round(facts.video!.height * 0.45);
			const sourceFrameAt = async (frame: number) => Math.round((await greyAt(video, frame, x, y)) / GREY_STEP);
			const [first, , third] = startsOf(props);
			for (const local of [5, 29, 30, 40]) expect(await sourceFrameAt(first! + local), `scene 1, frame ${local}`).toBe(15 + (local % 30));
			const thirdLength = props.scenes[2]!.durationInFrames;
			expect(thirdLength).toBeGreaterThan(CLIP_FRAMES + 5);
			expect(await sourceFrameAt(third! + 10)).toBe(10);
			expect(await sourceFrameAt(third! + CLIP_FRAMES + 3)).toBe(CLIP_FRAMES - 1);

			// the clip's tone, after scene 1's single word, against scene 2 (no clip)
			const fps = props.fps;
			const toneInClip = await bandLevelDb(video, TONE_HZ, (first! + 45) / fps, (first! + 70) / fps);
			const toneInPicture = await bandLevelDb(video, TONE_HZ, (startsOf(props)[1]! + 30) / fps, (startsOf(props)[1]! + 55) / fps);
			if (renderer === 'web') expect(toneInClip - toneInPicture).toBeGreaterThan(20);
			else expect(toneInClip - toneInPicture).toBeLessThan(6);

			// the cover shows the opening clip's first frame (grey 75) under its wash, not a drawn background
			const cover = await probeMedia(path.join(folder, 'cover.jpg')).catch(() => null);
			const [r, g, b] = await rgbAt(path.join(folder, 'cover.jpg'), 20, Math.round((cover?.video?.height ?? 1920) * 0.1));
			expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(6);
			expect(g).toBeGreaterThan(40);
			expect(g).toBeLessThan(80);
		});
	}
});
