import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowserExecutable } from '../src/pipeline/render/browser-executable';
import { VENDOR_FILES } from '../src/server/board/board-files';
import { ROOT } from './helpers/run-command';
import { startServer, type ServerProcess } from './helpers/server-process';
import { makeTempDir } from './helpers/temp-dir';

const EXAMPLE = path.join(ROOT, 'examples/ai-tools-douyin.json');
const NEW_NARRATION = '第一个:ChatGPT。写邮件、做方案、查资料,它都能帮你。';
/** A draft of the example (7 scenes, about 56 s) with the offline providers, on two CPU cores. */
const JOB_MS = 240_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the scene board at / (npm run serve), in a real browser', () => {
	let server: ServerProcess;
	let browser: Browser;
	let page: Page;
	let shotsDir: string;
	let out: string;
	let jobId: string;
	let step = 0;
	const pageErrors: string[] = [];
	/** A full-page screenshot per step, numbered in order (BOARD_SHOTS_DIR keeps them; else the temp dir, removed after the file). */
	const shot = (name: string) => page.screenshot({ path: path.join(shotsDir, `${String(++step).padStart(2, '0')}-${name}.png`), fullPage: true });
	const board = () => page.getByTestId('job-board');
	const scene = (n: number) => board().getByTestId(`scene-${n}`);
	const api = async <T>(route: string): Promise<T> => (await (await fetch(`${server.url}${route}`)).json()) as T;

	/** Waits until the board's job settles after `since` (its updatedAt before the action), noting every state and frame count it showed. */
	const settle = async (since: string | null) => {
		const states = new Set<string>();
		const frames = new Set<string>();
		const state = board().getByTestId('job-state');
		const framesText = board().getByTestId('job-frames');
		for (const end = Date.now() + JOB_MS; Date.now() < end; await sleep(150)) {
			const now = await state.getAttribute('data-state');
			if (now) states.add(now);
			if ((await framesText.count()) > 0) frames.add(await framesText.innerText());
			const updated = await board().getAttribute('data-updated');
			if ((now === 'done' || now === 'failed' || now === 'cancelled') && updated !== since) return { state: now, states, frames };
		}
		throw new Error(`job ${jobId} did not settle in ${JOB_MS / 1000} s; it showed ${[...states].join(', ')}\n${server.output()}`);
	};

	beforeAll(async () => {
		const tmp = await makeTempDir('reelsmith-board-');
		shotsDir = process.env.BOARD_SHOTS_DIR || tmp;
		await mkdir(shotsDir, { recursive: true });
		out = path.join(tmp, 'out');
		server = await startServer(['--out', out]);
		browser = await chromium.launch({ executablePath: resolveBrowserExecutable() ?? undefined });
		page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
		page.on('pageerror', (error) => pageErrors.push(error.message));
	}, 60_000);

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	}, 30_000);

	it('serves the board, its modules and only the allow-listed vendor files', async () => {
		const get = (route: string) => fetch(`${server.url}${route}`);
		const index = await get('/');
		expect([index.status, index.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
		expect(await index.text()).toContain('"preact": "/vendor/preact.module.js"');
		for (const name of Object.keys(VENDOR_FILES).filter((n) => n.endsWith('.js'))) {
			expect([name, (await get(`/vendor/${name}`)).headers.get('content-type')]).toEqual([name, 'text/javascript; charset=utf-8']);
		}
		const options = (await (await get('/board/options.json')).json()) as { platforms: string[]; motions: string[] };
		expect(options.platforms).toEqual(['douyin', 'bilibili', 'youtube']);
		for (const route of [
			'/vendor/preact.js',
			'/vendor/..%2Fpackage.json',
			'/board/..%2F..%2F..%2Fpackage.json',
			'/board/board-files.ts',
			'/board/nope.js',
			'/node_modules/preact/package.json',
		]) {
			expect([route, (await get(route)).status]).toEqual([route, 404]);
		}
		expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(404);

		await page.goto(server.url);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Scene board');
		await expect(page.getByTestId('start').innerText()).resolves.toBe('Start video');
		await expect(page.locator('#app').innerText()).resolves.not.toContain('Loading');
		await shot('board-en');
		// one strings table, two languages: the toggle and navigator.language
		await page.getByTestId('language').click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('场景面板');
		await expect(page.getByTestId('start').innerText()).resolves.toBe('开始制作');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
		await shot('board-zh');
		await page.getByTestId('language').click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Scene board');
		const chinese = await browser.newContext({ locale: 'zh-CN' });
		const chinesePage = await chinese.newPage();
		await chinesePage.goto(server.url);
		await expect(chinesePage.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('场景面板');
		await chinese.close();
	}, 60_000);

	it(
		'lists what a request gets wrong by path, shows the dry-run cost of the script file, then starts a draft with live progress',
		async () => {
			// a topic needs an LLM: the estimate says so, by path
			await page.getByTestId('source-topic').check();
			await page.getByTestId('topic').fill('AI tools');
			await page.getByTestId('estimate-error').waitFor();
			await expect(page.getByTestId('estimate-error').getByTestId('problems').innerText()).resolves.toMatch(/^topic\s+a topic needs an LLM/);
			// so does starting it: a 400, listed by path, and no job
			await page.getByTestId('start').click();
			await page.getByTestId('start-error').waitFor();
			await expect(page.getByTestId('start-error').getByTestId('problems').innerText()).resolves.toMatch(/^topic\s+a topic needs an LLM/);
			await expect(api<unknown[]>('/api/videos')).resolves.toEqual([]);
			await shot('topic-refused');

			await page.getByTestId('source-script').check();
			await page.getByTestId('script-file').setInputFiles(EXAMPLE);
			// the refusal was of the form before
			await page.getByTestId('start-error').waitFor({ state: 'detached' });
			await expect(page.getByTestId('script-note').innerText()).resolves.toBe('ai-tools-douyin.json: 7 scenes');
			await page.getByTestId('draft').check();
			await page.getByTestId('estimate').waitFor();
			const row = page.getByTestId('estimate-douyin');
			await expect(row.innerText()).resolves.toMatch(/^douyin\s+5个改变生活的AI工具\s+7\s+\$0\.00\s+\$0\.00$/);
			// the cost follows the form: a second platform, a second row
			await page.getByTestId('platform-bilibili').check();
			await page.getByTestId('estimate-bilibili').waitFor();
			await page.getByTestId('platform-bilibili').uncheck();
			await page.getByTestId('platform-douyin').check();
			await page.getByTestId('estimate-bilibili').waitFor({ state: 'detached' });
			await page.getByTestId('estimate-douyin').waitFor();
			await shot('estimate');

			await page.getByTestId('start').click();
			await board().waitFor();
			jobId = (await board().getAttribute('data-job'))!;
			expect(jobId).toMatch(/^\d+$/);
			await expect(page.getByTestId(`job-${jobId}`).getAttribute('aria-pressed')).resolves.toBe('true');
			await shot('started');
			const { state, states, frames } = await settle(null);
			await shot('done');
			expect(state).toBe('done');
			expect([...states]).toEqual(expect.arrayContaining(['running:voice', 'running:render', 'done']));
			expect([...frames].some((text) => /^\d+\/\d+ frames$/.test(text))).toBe(true);
			await expect(page.getByTestId(`job-${jobId}`).getByTestId('job-state').getAttribute('data-state')).resolves.toBe('done');
			await expect.poll(() => board().getByRole('article').count()).toBe(7);
			await expect(scene(2).getByTestId('narration').inputValue()).resolves.toBe('第一个:ChatGPT。从写邮件到做方案,它就像你的私人助理。');
			await expect(scene(2).getByTestId('transition').inputValue()).resolves.toBe('slide_left');
			// the image is drawn, the voice loads
			await expect
				.poll(() =>
					scene(2)
						.getByTestId('image')
						.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
				)
				.toBe(true);
			const voiceUrl = await scene(2).getByTestId('voice').getAttribute('src');
			expect((await fetch(`${server.url}${voiceUrl}`)).headers.get('content-type')).toBe('audio/wav');
		},
		JOB_MS + 60_000,
	);

	it("edits scene 2's narration and saves it into the job's script", async () => {
		const narration = scene(2).getByTestId('narration');
		await expect(scene(2).getByTestId('save').isDisabled()).resolves.toBe(true);
		await narration.fill(NEW_NARRATION);
		await scene(2).getByTestId('save').click();
		await expect.poll(() => scene(2).getByTestId('scene-note').innerText()).toMatch(/^Saved/);
		await expect.poll(() => scene(2).getByTestId('save').isDisabled()).toBe(true);
		const scenes = await api<{ narration: string }[]>(`/api/videos/${jobId}/scenes`);
		expect(scenes[1]!.narration).toBe(NEW_NARRATION);
		expect(await narration.inputValue()).toBe(NEW_NARRATION);
		await shot('narration-saved');
	});

	it(
		"re-rolls scene 2's voice from the keyboard: a new take, the other scenes as they were",
		async () => {
			const voice = scene(2).getByTestId('voice');
			const before = await voice.getAttribute('data-asset');
			const otherBefore = await scene(3).getByTestId('voice').getAttribute('data-asset');
			const since = await board().getAttribute('data-updated');
			// keyboard: from the narration, Shift+Tab reaches "Re-roll image", Shift+Tab again "Re-roll voice", with a visible focus ring
			await scene(2).getByTestId('narration').focus();
			await page.keyboard.press('Shift+Tab');
			await page.keyboard.press('Shift+Tab');
			const focused = await page.evaluate(() => {
				const element = document.activeElement as HTMLElement;
				return { id: element.dataset.testid, outline: getComputedStyle(element).outlineStyle };
			});
			expect(focused).toEqual({ id: 'reroll-voice', outline: 'solid' });
			await page.keyboard.press('Enter');
			await expect.poll(() => scene(2).getByTestId('scene-note').innerText()).toMatch(/new take/);
			expect((await settle(since)).state).toBe('done');
			await expect.poll(() => scene(2).getByTestId('scene-note').innerText()).toBe('');
			await expect.poll(() => voice.getAttribute('data-asset'), { timeout: 10_000 }).not.toBe(before);
			expect(await scene(3).getByTestId('voice').getAttribute('data-asset')).toBe(otherBefore);
			const takeUrl = await voice.getAttribute('src');
			expect((await fetch(`${server.url}${takeUrl}`)).status).toBe(200);
			await shot('voice-rerolled');
		},
		JOB_MS,
	);

	it(
		'renders again and plays the new video in the page',
		async () => {
			const video = board().getByTestId('video-douyin');
			const srcBefore = await video.getAttribute('src');
			const since = await board().getAttribute('data-updated');
			await board().getByTestId('render').click();
			await expect.poll(() => board().getByTestId('render').isDisabled()).toBe(true);
			const { state, states } = await settle(since);
			expect(state).toBe('done');
			expect(states.has('running:render') || states.has('running:package')).toBe(true);
			await expect.poll(() => video.getAttribute('src')).not.toBe(srcBefore);
			await shot('rendered');

			await video.scrollIntoViewIfNeeded();
			await video.evaluate((element: HTMLVideoElement) => {
				if (element.readyState >= 1) return;
				return new Promise<void>((resolve, reject) => {
					element.addEventListener('loadedmetadata', () => resolve(), { once: true });
					element.addEventListener('error', () => reject(new Error(`the video failed to load: ${element.error?.message}`)), { once: true });
					element.load();
				});
			});
			const meta = await video.evaluate((element: HTMLVideoElement) => ({ readyState: element.readyState, duration: element.duration }));
			expect(meta.readyState).toBeGreaterThanOrEqual(1);
			expect(meta.duration).toBeGreaterThan(30);
			expect(meta.duration).toBeLessThan(90);
			const played = await video.evaluate(async (element: HTMLVideoElement) => {
				element.muted = true;
				await element.play();
				const start = element.currentTime;
				await new Promise((resolve) => setTimeout(resolve, 1500));
				return { start, now: element.currentTime, paused: element.paused };
			});
			expect(played.paused).toBe(false);
			expect(played.now).toBeGreaterThan(played.start + 0.3);
			await shot('playing');
			const job = await api<{ outputs: { platform: string }[]; state: string; slug: string }>(`/api/videos/${jobId}`);
			expect([job.state, job.outputs.map((o) => o.platform)]).toEqual(['done', ['douyin']]);
			// the render voiced the edited narration
			const props = JSON.parse(await readFile(path.join(out, job.slug, 'douyin', 'props.json'), 'utf8')) as { scenes: { narration: string }[] };
			expect(props.scenes[1]!.narration).toBe(NEW_NARRATION);
			expect(pageErrors).toEqual([]);
		},
		JOB_MS,
	);
});
