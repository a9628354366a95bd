import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { madeVideosIn } from '../src/output/made-videos';
import { outputPaths } from '../src/output/output-paths';
import { resolveBrowserExecutable } from '../src/pipeline/render/browser-executable';
import { buildStudioCatalogue } from '../src/pipeline/studio/studio-catalogue';
import { STUDIO_ENV, studioPublicDir } from '../src/pipeline/studio/launch-studio';
import { ASPECT_SIZES } from '../src/schema/platforms';
import type { VideoProps } from '../src/schema/video-props';
import { STUDIO_ENTRY } from '../src/studio/studio-webpack';
import { sceneSlots } from '../src/timeline/scene-timeline';
import { decodeFrame, decodeRgb, type RgbImage } from './helpers/decode-image';
import { psnr } from './helpers/psnr';
import { ROOT, runScript } from './helpers/run-command';
import { startStudio, type StudioProcess } from './helpers/studio-process';
import { makeTempDir } from './helpers/temp-dir';

const run = promisify(execFile);
const SLUG = '三秒看懂关键帧';
const ID = `${SLUG}-douyin`;
/** The engine-comparison threshold (web-renderer.test.ts): the web engine's frame against Remotion's screenshot. */
const SAME_PICTURE_DB = 27;

const frameCount = async (file: string): Promise<number> => {
	const { stdout } = await run('ffprobe', [
		'-v',
		'error',
		'-count_frames',
		'-select_streams',
		'v:0',
		'-show_entries',
		'stream=nb_read_frames',
		'-of',
		'csv=p=0',
		file,
	]);
	return Number(stdout.trim().replace(/,$/, ''));
};

/** Mean and standard deviation of each channel over the middle third of an image. */
const middleStats = (image: RgbImage) => {
	const [x0, x1, y0, y1] = [Math.floor(image.width / 3), Math.floor((2 * image.width) / 3), Math.floor(image.height / 3), Math.floor((2 * image.height) / 3)];
	const sums = [0, 0, 0];
	const squares = [0, 0, 0];
	let n = 0;
	for (let y = y0; y < y1; y++) {
		for (let x = x0; x < x1; x++) {
			const i = (y * image.width + x) * 3;
			for (let c = 0; c < 3; c++) {
				sums[c]! += image.pixels[i + c]!;
				squares[c]! += image.pixels[i + c]! ** 2;
			}
			n++;
		}
	}
	const mean = sums.map((s) => s / n);
	return { mean, deviation: Math.max(...squares.map((s, c) => Math.sqrt(s / n - mean[c]! ** 2))) };
};

type Stats = ReturnType<typeof middleStats>;

/** The canvas shows the frame's picture: not flat (black or empty), and the same colours on the whole. */
const showsPicture = (shown: Stats, expected: Stats): boolean =>
	shown.deviation > 10 && [0, 1, 2].every((c) => Math.abs(shown.mean[c]! - expected.mean[c]!) < 40);

describe('Remotion Studio on a video made by `make`', () => {
	let out: string;
	let paths: ReturnType<typeof outputPaths>;
	let props: VideoProps;
	/** A frame inside scene 2, after its transition. */
	let frame: number;
	let studio: StudioProcess | null = null;
	let browser: Browser | null = null;

	beforeAll(async () => {
		out = await makeTempDir('reelsmith-studio-');
		const made = await runScript('scripts/make.ts', ['--from', 'test/fixtures/studio/short-article.md', '--out', out]);
		expect(made.code, made.stderr).toBe(0);
		paths = outputPaths(out, SLUG, 'douyin');
		props = JSON.parse(await readFile(paths.props, 'utf8')) as VideoProps;
		expect(props.scenes.length).toBeGreaterThanOrEqual(2);
		const scene2 = sceneSlots(props.scenes)[1]!;
		frame = scene2.startFrame + props.scenes[1]!.transition.durationInFrames + 20;
		expect(frame).toBeLessThan(scene2.startFrame + scene2.durationInFrames);
	}, 240_000);

	afterAll(async () => {
		await browser?.close();
		await studio?.stop();
	}, 30_000);

	it('draws, through the Studio bundle (`remotion still`, its config, catalogue and public folder), the frame the render drew', async () => {
		const dir = await makeTempDir('reelsmith-studio-still-');
		const catalogueFile = path.join(dir, 'videos.json');
		const { catalogue } = await buildStudioCatalogue(await madeVideosIn(out, SLUG));
		await writeFile(catalogueFile, JSON.stringify(catalogue));
		const still = path.join(dir, 'still.png');
		const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@remotion/cli/package.json')), 'remotion-cli.js');
		// no --props: the composition's own default props, which are the package's props.json
		await run(process.execPath, [cli, 'still', STUDIO_ENTRY, ID, still, `--frame=${frame}`, '--public-dir', studioPublicDir(out), '--log=error'], {
			cwd: ROOT,
			env: { ...process.env, [STUDIO_ENV.catalogue]: catalogueFile },
		});
		const { width, height } = ASPECT_SIZES[props.aspectRatio];
		const studioFrame = await decodeRgb(still, width, height);
		const videoFrame = await decodeFrame(paths.video, frame, width, height);
		expect(psnr(studioFrame, videoFrame)).toBeGreaterThan(SAME_PICTURE_DB);
		// and it is a picture: another scene's frame is not the same
		expect(psnr(studioFrame, await decodeFrame(paths.video, 30, width, height))).toBeLessThan(SAME_PICTURE_DB);
	}, 180_000);

	describe('in a real browser', () => {
		let page: Page;
		/** Paths the page fetched from the Studio, with their status. */
		const fetched = new Map<string, number>();
		const shots = (name: string) => path.join(out, `studio-${name}.png`);

		beforeAll(async () => {
			// beside the made video, a package whose scene 2 image is gone from the cache: the overlay must show it
			const broken = outputPaths(out, 'broken', 'douyin');
			await mkdir(broken.platformDir, { recursive: true });
			const brokenProps = { ...props, scenes: props.scenes.map((scene, i) => (i === 1 ? { ...scene, image: { src: 'image/missing.png' } } : scene)) };
			await writeFile(broken.props, JSON.stringify(brokenProps));
			await writeFile(broken.video, '');
			// no path: every video under --out
			studio = await startStudio(['--out', out]);
			browser = await chromium.launch({ executablePath: resolveBrowserExecutable() ?? undefined });
			page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
			page.on('response', (response) => fetched.set(decodeURIComponent(new URL(response.url()).pathname), response.status()));
			// the Studio keeps each composition's frame in localStorage: open this one at a frame of scene 2
			await page.addInitScript(([id, at]) => localStorage.setItem('remotion.time-all', JSON.stringify({ [id as string]: at })), [ID, frame]);
			await page.goto(`${studio.url}/${encodeURIComponent(ID)}`);
		}, 180_000);

		/** Screenshots the Studio's canvas until it shows the picture of the frame (images load after the page), or `patienceMs` pass. */
		const canvasStats = async (on: Page, name: string, expected: Stats, patienceMs = 60_000): Promise<Stats> => {
			const canvas = on.locator('.remotion-studio-composition-container');
			await canvas.waitFor({ state: 'visible', timeout: 90_000 });
			let shown: Stats;
			const deadline = Date.now() + patienceMs;
			do {
				await on.waitForTimeout(1000);
				const box = (await canvas.boundingBox())!;
				const clip = { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
				await on.screenshot({ path: shots(name), clip });
				shown = middleStats(await decodeRgb(shots(name), clip.width, clip.height));
			} while (!showsPicture(shown, expected) && Date.now() < deadline);
			return shown;
		};

		const expectedStats = async () => {
			const { width, height } = ASPECT_SIZES[props.aspectRatio];
			return middleStats(await decodeFrame(paths.video, frame, width, height));
		};

		it('opens the made video at scene 2 with its picture, voice and image, and no error overlay', async () => {
			const shown = await canvasStats(page, 'scene-2', await expectedStats());
			expect(await page.locator('#remotion-error-overlay').innerText()).toBe('');
			expect(showsPicture(shown, await expectedStats()), JSON.stringify(shown)).toBe(true);
			expect(await page.title()).toContain(ID);
			// the scene's own voice and image, from the output's cache, not the examples' bare script
			for (const src of [props.scenes[1]!.audio!.src, props.scenes[1]!.image!.src]) {
				const statuses = [...fetched].filter(([pathname]) => pathname.endsWith(`/${src}`)).map(([, status]) => status);
				expect(
					statuses.some((status) => status === 200 || status === 206),
					`${src}: ${statuses.join(', ')}`,
				).toBe(true);
			}
		}, 120_000);

		it('lists every made video under --out; a video whose image is gone does not pass for a picture', async () => {
			await page.getByText('examples', { exact: true }).waitFor();
			for (const id of [ID, 'broken-douyin']) await expect(page.getByText(id, { exact: true }).count()).resolves.toBeGreaterThan(0);
			const other = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
			try {
				await other.addInitScript(([at]) => localStorage.setItem('remotion.time-all', JSON.stringify({ 'broken-douyin': at })), [frame]);
				await other.goto(`${studio!.url}/broken-douyin`);
				// the same frame, but black where the image was: the check above would have failed on it
				// (the good one shows its picture within about 4 s)
				expect(showsPicture(await canvasStats(other, 'broken', await expectedStats(), 15_000), await expectedStats())).toBe(false);
			} finally {
				await other.close();
			}
		}, 180_000);

		it("renders with the Studio's Render button, on this machine's browser, beside the package", async () => {
			await page.getByRole('button', { name: 'Render', exact: true }).click();
			const dialog = page.getByRole('dialog');
			const draggers = dialog.locator('.__remotion_input_dragger');
			// a short range of scene 2: the whole video takes minutes on two cores
			await draggers.filter({ hasText: /^0$/ }).click();
			await page.locator('input[name="Start frame"]').fill(String(frame));
			await page.keyboard.press('Enter');
			await draggers.filter({ hasText: new RegExp(`^${sceneSlots(props.scenes).at(-1)!.startFrame + props.scenes.at(-1)!.durationInFrames - 1}$`) }).click();
			await page.locator('input[name="End frame"]').fill(String(frame + 14));
			await page.keyboard.press('Enter');
			const studioRender = path.join(paths.videoDir, 'studio-douyin.mp4');
			await expect(dialog.locator('input[type="text"]').last().inputValue()).resolves.toBe(studioRender);
			await page.screenshot({ path: shots('render-modal') });
			await dialog.getByRole('button', { name: /Render video/ }).click();
			await studio!.waitFor(/Done in \d+ms/, 240_000);
			await page.screenshot({ path: shots('rendered') });
			expect(await frameCount(studioRender)).toBe(15);
			const { width, height } = ASPECT_SIZES[props.aspectRatio];
			expect(psnr(await decodeFrame(studioRender, 0, width, height), await decodeFrame(paths.video, frame, width, height))).toBeGreaterThan(SAME_PICTURE_DB);
			// the package itself is untouched
			expect(await frameCount(paths.video)).toBe(sceneSlots(props.scenes).at(-1)!.startFrame + props.scenes.at(-1)!.durationInFrames);
		}, 300_000);
	});

	it('keeps a change through the script: edit script.json, render again, and no voice or image is made again', async () => {
		const script = JSON.parse(await readFile(paths.script, 'utf8')) as { scenes: Record<string, unknown>[]; theme?: Record<string, string> };
		const motion = props.scenes[1]!.motion === 'zoom_out' ? 'pan_up' : 'zoom_out';
		const transition = props.scenes[1]!.transition.name === 'wipe_right' ? 'slide_left' : 'wipe_right';
		script.scenes[1] = { ...script.scenes[1], motion, transition };
		script.theme = { highlight: '#ff3366' };
		await writeFile(paths.script, JSON.stringify(script, null, 2));
		const rendered = await runScript('scripts/render.ts', ['--props', paths.script, '--out', out]);
		expect(rendered.code, rendered.stderr).toBe(0);
		const summary = JSON.parse(await readFile(paths.summary, 'utf8')) as { stages: Record<string, { generated: number; cached: number }> };
		expect(summary.stages.voice).toMatchObject({ generated: 0, cached: props.scenes.length });
		expect(summary.stages.storyboard).toMatchObject({ generated: 0, cached: props.scenes.length });
		expect(summary.stages.render).toMatchObject({ generated: 1 });
		const kept = JSON.parse(await readFile(paths.props, 'utf8')) as VideoProps;
		expect(kept.scenes[1]).toMatchObject({ motion, transition: { name: transition } });
		expect(kept.theme.highlight).toBe('#ff3366');
		expect(kept.scenes.map((s) => s.audio)).toEqual(props.scenes.map((s) => s.audio));
		await mkdir(path.join(out, 'done'), { recursive: true });
	}, 240_000);
});
