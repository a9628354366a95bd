import { spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { videoPropsSchema } from '../src/schema/video-props';
import { sceneSlots, totalDurationInFrames } from '../src/timeline/scene-timeline';
import { ROOT, runScript } from './helpers/run-command';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { captionCues } from '../src/publish/caption-cues';
import { toSrt, toVtt } from '../src/publish/subtitle-files';
import { makeTempDir } from './helpers/temp-dir';

/** Share of near-white pixels in a horizontal band of an image, between two fractions of its height. */
const whiteShare = async (file: string, from: number, to: number) => {
	const image = await loadImage(await readFile(file));
	const canvas = createCanvas(image.width, image.height);
	const context = canvas.getContext('2d');
	context.drawImage(image, 0, 0);
	const top = Math.round(image.height * from);
	const { data } = context.getImageData(0, top, image.width, Math.round(image.height * to) - top);
	let white = 0;
	for (let i = 0; i < data.length; i += 4) if (data[i]! > 235 && data[i + 1]! > 235 && data[i + 2]! > 235) white++;
	return white / (data.length / 4);
};

const imageSize = async (file: string) => {
	const image = await loadImage(await readFile(file));
	return { width: image.width, height: image.height };
};

const ARTICLE = `# 慢慢来的早晨

早起以后先喝一杯温水，再打开窗户让阳光进来。

用十分钟整理今天最重要的三件事，其余的事情可以晚一点再说。

出门之前深呼吸三次，你会发现一天的节奏都变得从容了。
`;

let dir: string;
let out: string;
let article: string;
const makeArgs = () => ['--from', article, '--out', out, '--draft'];
const cacheRecords = async () => {
	const records = new Map<string, number>();
	for (const stage of ['voice', 'image']) {
		const files = await readdir(path.join(out, '.cache', stage)).catch(() => [] as string[]);
		for (const file of files.filter((f) => f.endsWith('.meta.json'))) {
			records.set(`${stage}/${file}`, (await stat(path.join(out, '.cache', stage, file))).mtimeMs);
		}
	}
	return records;
};
const summaryOf = async () => JSON.parse(await readFile(path.join(out, '慢慢来的早晨', 'summary.json'), 'utf8'));

/** Starts `npm run make` and SIGKILLs it as soon as the first generated asset is complete. */
const makeAndKill = () =>
	new Promise<void>((resolve, reject) => {
		const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/make.ts'), ...makeArgs()], {
			cwd: ROOT,
			stdio: 'ignore',
			// its own process group, so the kill reaches node under tsx too, like a real SIGKILL of the run
			detached: true,
		});
		const poll = setInterval(async () => {
			if ((await cacheRecords()).size > 0) process.kill(-child.pid!, 'SIGKILL');
		}, 25);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearInterval(poll);
			if (signal === 'SIGKILL') resolve();
			else reject(new Error(`make finished (code ${code}) before it could be killed`));
		});
	});

beforeAll(async () => {
	dir = await makeTempDir('reelsmith-make-');
	out = path.join(dir, 'out');
	article = path.join(dir, 'morning.md');
	await writeFile(article, ARTICLE);
});

describe('npm run make --from an article, offline', () => {
	let killedRecords: Map<string, number>;

	it('survives SIGKILL mid-run', async () => {
		await makeAndKill();
		killedRecords = await cacheRecords();
		expect(killedRecords.size).toBeGreaterThan(0);
	}, 120_000);

	it('resumes without regenerating a complete asset, and renders a narrated, illustrated, captioned MP4', async () => {
		const result = await runScript('scripts/make.ts', makeArgs());
		expect(result.stderr).not.toContain('failed');
		expect(result.code).toBe(0);

		// assets complete before the kill were served from the cache, untouched
		const records = await cacheRecords();
		for (const [file, mtime] of killedRecords) expect(records.get(file)).toBe(mtime);
		const summary = await summaryOf();
		const done = (stage: string) => summary.stages[stage].generated + summary.stages[stage].cached;
		expect(summary.stages.voice.cached + summary.stages.storyboard.cached).toBeGreaterThanOrEqual(killedRecords.size);
		expect(done('voice')).toBe(summary.scenes.length);
		expect(done('storyboard')).toBe(summary.scenes.length);
		expect(result.stderr).toMatch(/voice +\[\d\/\d\] scene \d (generated|cached)/);
		expect(result.stderr).toMatch(/storyboard +\[\d\/\d\] scene \d (generated|cached)/);
		expect(result.stdout).toMatch(/stage +generated +cached +time\nscript/);

		const props = videoPropsSchema.parse(JSON.parse(await readFile(path.join(out, '慢慢来的早晨', 'douyin', 'props.json'), 'utf8')));
		const facts = await probeMedia(path.join(out, '慢慢来的早晨', 'douyin', 'video.mp4'));
		expect(facts.video).toMatchObject({ codec: 'avc', width: 540, height: 960, fps: 30, frames: totalDurationInFrames(props.scenes) });
		expect(facts.audio).not.toBeNull();
		expect(props.scenes.length).toBeGreaterThanOrEqual(2);

		// captions are the voice's own word timings, so each word lights up on the frame its sound starts
		const manifest = JSON.parse(await readFile(path.join(out, '慢慢来的早晨', 'manifest.json'), 'utf8'));
		const slots = sceneSlots(props.scenes);
		for (const [index, scene] of props.scenes.entries()) {
			expect(scene.image?.src).toMatch(/^image\//);
			const voiceEntry = manifest.scenes[String(scene.id)].voice;
			expect(scene.audio?.src).toBe(voiceEntry.file);
			const record = JSON.parse(await readFile(path.join(out, '.cache', voiceEntry.file.replace(/\.wav$/, '.meta.json')), 'utf8'));
			const words: { text: string; startMs: number; endMs: number }[] = record.meta.words;
			expect(scene.captions.map((c) => c.text)).toEqual(words.map((w) => w.text));
			const frameOf = (ms: number) => slots[index]!.startFrame + Math.floor((ms / 1000) * props.fps);
			scene.captions.forEach((caption, i) => expect(frameOf(caption.startMs)).toBe(frameOf(words[i]!.startMs)));
			expect(words.at(-1)!.endMs).toBeLessThanOrEqual(record.meta.durationMs);
			expect(scene.audio!.durationInFrames).toBeLessThanOrEqual(slots[index]!.speechFrames + 1);
		}
		// the package next to the video: cover at the platform's cover size, captions as burned in, metadata
		const packageDir = path.join(out, '慢慢来的早晨', 'douyin');
		expect(await imageSize(path.join(packageDir, 'cover.jpg'))).toMatchObject({ width: 1080, height: 1920 });
		// the title is drawn in white across the middle of the cover, and nowhere near the top
		expect(await whiteShare(path.join(packageDir, 'cover.jpg'), 0.42, 0.58)).toBeGreaterThan(0.01);
		expect(await whiteShare(path.join(packageDir, 'cover.jpg'), 0.02, 0.18)).toBeLessThan(0.002);
		expect(await readFile(path.join(packageDir, 'captions.srt'), 'utf8')).toBe(toSrt(captionCues(props)));
		expect(await readFile(path.join(packageDir, 'captions.vtt'), 'utf8')).toBe(toVtt(captionCues(props)));
		expect(JSON.parse(await readFile(path.join(packageDir, 'metadata.json'), 'utf8'))).toMatchObject({ platform: 'douyin', title: '慢慢来的早晨' });

		const scenesReport = summary.scenes as { scripted_seconds: number; final_seconds: number; voice: { provider: string } }[];
		for (const scene of scenesReport) {
			expect(scene.scripted_seconds).toBeGreaterThan(0);
			expect(scene.final_seconds).toBeGreaterThan(0);
			expect(scene.voice.provider).toBe('espeak');
		}
	}, 300_000);

	it('reports everything as cached on the next run and does not render again', async () => {
		const started = performance.now();
		const result = await runScript('scripts/make.ts', makeArgs());
		expect(result.code).toBe(0);
		const summary = await summaryOf();
		for (const stage of ['script', 'voice', 'storyboard', 'render']) expect(summary.stages[stage].generated).toBe(0);
		expect(summary.stages.render.cached).toBe(1);
		expect(result.stdout).toContain('(unchanged, not rendered again)');
		expect(performance.now() - started).toBeLessThan(summary.platforms.douyin.renderWallMs);
	}, 120_000);
});
