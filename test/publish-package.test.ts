import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './helpers/run-command';
import { buildProps } from '../src/props/build-props';
import { captionCues } from '../src/publish/caption-cues';
import { platformLimitProblems, fileSizeProblem } from '../src/schema/platform-limits';
import { toSrt, toVtt } from '../src/publish/subtitle-files';
import { finalEncoding, videoMetadata } from '../src/publish/video-metadata';
import { videoScriptSchema } from '../src/schema/video-script';
import { sceneSlots } from '../src/timeline/scene-timeline';
import { makeTempDir } from './helpers/temp-dir';

const script = videoScriptSchema.parse({
	title: '字幕文件测试',
	duration_target: 16,
	language: 'zh-CN',
	style: 'story',
	scenes: [
		{
			scene_id: 1,
			narration: '第一句话很短。第二句话稍微长一点，需要换行才能放得下这么多的字。',
			visual_description: 'v1',
			duration: 8,
			text_overlay: '第一句',
			transition: 'fade_in',
		},
		{ scene_id: 2, narration: 'An English line --> with an arrow.', visual_description: 'v2', duration: 8, text_overlay: 'English', transition: 'slide_left' },
	],
});
const props = buildProps(script, { platform: 'douyin' });

const parseSrt = (srt: string) =>
	srt
		.trim()
		.split(/\n\n/)
		.map((block) => {
			const [, times, ...lines] = block.split('\n');
			const [start, end] = times!.split(' --> ').map((t) => {
				const [h, m, rest] = t.split(':');
				const [s, ms] = rest!.split(',');
				return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms);
			});
			return { startMs: start!, endMs: end!, lines };
		});

describe('sidecar captions', () => {
	it('have the timings of the burned-in caption pages, offset by each scene start', () => {
		const cues = captionCues(props);
		const slots = sceneSlots(props.scenes);
		const firstOfScene2 = cues.find((c) => c.lines.join('').includes('English'))!;
		const sceneStartMs = (slots[1]!.startFrame / props.fps) * 1000;
		expect(firstOfScene2.startMs).toBe(Math.round(sceneStartMs + props.scenes[1]!.captions[0]!.startMs));
		expect(cues[0]!.startMs).toBe(props.scenes[0]!.captions[0]!.startMs);
		for (const [i, cue] of cues.entries()) {
			expect(cue.endMs).toBeGreaterThan(cue.startMs);
			if (i > 0) expect(cue.startMs).toBeGreaterThanOrEqual(cues[i - 1]!.endMs);
		}
		// every word of the narration is in exactly one cue, in order
		expect(
			cues
				.map((c) => c.lines.join(''))
				.join('')
				.replace(/\s/g, ''),
		).toBe(
			script.scenes
				.map((s) => s.narration)
				.join('')
				.replace(/\s/g, ''),
		);
	});

	it('write SRT and VTT with the same cues', () => {
		const cues = captionCues(props);
		const srt = toSrt(cues);
		expect(parseSrt(srt).map(({ startMs, endMs }) => ({ startMs, endMs }))).toEqual(cues.map(({ startMs, endMs }) => ({ startMs, endMs })));
		expect(srt).not.toMatch(/an arrow.*-->|--> with/);
		const vtt = toVtt(cues);
		expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
		expect(vtt.match(/\d\d:\d\d:\d\d\.\d\d\d --> \d\d:\d\d:\d\d\.\d\d\d/g)).toHaveLength(cues.length);
	});
});

describe('metadata and platform limits', () => {
	it('describes the package for an upload form', () => {
		const meta = videoMetadata(script, props, finalEncoding(props));
		expect(meta).toMatchObject({
			platform: 'douyin',
			title: '字幕文件测试',
			resolution: '1080x1920',
			width: 1080,
			height: 1920,
			fps: 30,
			aspect_ratio: '9:16',
			draft: false,
		});
		expect(meta.tags).toEqual(['第一句', 'English', 'story']);
		expect(meta.description).toContain('#第一句 #English #story');
		expect(meta.duration_seconds).toBeGreaterThan(15);
	});

	it('gives the size the video was encoded at, and says when it was a draft', () => {
		const final = videoMetadata(script, props, finalEncoding(props));
		const draft = videoMetadata(script, props, { width: 540, height: 960, draft: true });
		expect(draft).toMatchObject({ resolution: '540x960', width: 540, height: 960, draft: true, aspect_ratio: '9:16', fps: 30 });
		// only the size and the flag differ from the final render's metadata
		expect({ ...draft, resolution: final.resolution, width: final.width, height: final.height, draft: false }).toEqual(final);
		const youtube = buildProps(script, { platform: 'youtube' });
		expect(finalEncoding(youtube)).toEqual({ width: 1920, height: 1080, draft: false });
		expect(videoMetadata(script, youtube, { width: 960, height: 540, draft: true })).toMatchObject({
			platform: 'youtube',
			resolution: '960x540',
			aspect_ratio: '16:9',
		});
	});

	it('stops a video that breaks a platform limit before rendering, saying what to change', () => {
		expect(platformLimitProblems('douyin', '9:16', 60)).toEqual([]);
		expect(platformLimitProblems('douyin', '9:16', 700)[0]!.message).toMatch(
			/700\.0 s, longer than douyin's limit of 600 s; cut scenes or shorten narration by 100 s/,
		);
		expect(platformLimitProblems('bilibili', '9:16', 60)[0]!.message).toMatch(/bilibili does not take 9:16 videos \(it takes 16:9\); remove aspect_ratio/);
		expect(fileSizeProblem('douyin', 5 * 2 ** 30)!.message).toMatch(/over douyin's 4 GiB limit/);
		expect(fileSizeProblem('youtube', 5 * 2 ** 30)).toBeNull();
	});
});

describe('npm run render: platform limits', () => {
	it('refuses a 9:16 script for bilibili before rendering, with exit 2', async () => {
		const dir = await makeTempDir('reelsmith-limits-');
		const file = path.join(dir, 'script.json');
		await writeFile(file, JSON.stringify({ ...script, target_platform: 'bilibili', aspect_ratio: '9:16' }));
		const result = await runScript('scripts/render.ts', ['--props', file, '--out', path.join(dir, 'out'), '--tts', 'none', '--images', 'none']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/aspect_ratio: bilibili does not take 9:16 videos/);
		expect(result.stderr).not.toContain('rendering');
		const written = await readdir(path.join(dir, 'out'), { recursive: true }).catch(() => [] as string[]);
		expect(written.filter((f) => f.endsWith('.mp4'))).toEqual([]);
	}, 60_000);
});
