import { loadImage } from '@napi-rs/canvas';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeMedia, type MediaFacts } from '../src/pipeline/media/probe-media';
import { outputPaths } from '../src/output/output-paths';
import type { VideoSummary } from '../src/output/summary';
import { DRAFT_SETTINGS } from '../src/pipeline/render/render-settings';
import { renderScript } from '../src/pipeline/stages/render-script';
import { captionCues } from '../src/publish/caption-cues';
import { toSrt, toVtt } from '../src/publish/subtitle-files';
import type { VideoMetadata } from '../src/publish/video-metadata';
import { PLATFORM_NAMES, PLATFORMS, sizeFor, type PlatformName } from '../src/schema/platforms';
import { videoPropsSchema, type VideoProps } from '../src/schema/video-props';
import { totalDurationInFrames } from '../src/timeline/scene-timeline';
import { json, validScene, validScript } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';

const TITLE = '三个平台一次发布';
/** Lines short enough to make one caption page on every aspect, so all three platforms' sidecars agree. */
const SCENES = [
	validScene(1, { narration: '早起先喝一杯温水。', text_overlay: '温水', duration: 2, transition: 'fade_in' }),
	validScene(2, { narration: '写下今天最重要的事。', text_overlay: '要事', duration: 2, transition: 'slide_left' }),
	validScene(3, { narration: '出门前深呼吸三次。', text_overlay: '呼吸', duration: 2, transition: 'fade' }),
];
const script = validScript({ title: TITLE, language: 'zh-CN', duration_target: 6, scenes: SCENES });

type Package = {
	readonly props: VideoProps;
	readonly facts: MediaFacts;
	readonly cover: { readonly width: number; readonly height: number };
	readonly srt: string;
	readonly vtt: string;
	readonly metadata: VideoMetadata;
	readonly summary: VideoSummary;
};

const packages = new Map<PlatformName, Package>();

const readPackage = async (outDir: string, slug: string, platform: PlatformName): Promise<Package> => {
	const paths = outputPaths(outDir, slug, platform);
	const cover = await loadImage(await readFile(paths.cover));
	return {
		props: videoPropsSchema.parse(JSON.parse(await readFile(paths.props, 'utf8'))),
		facts: await probeMedia(paths.video),
		cover: { width: cover.width, height: cover.height },
		srt: await readFile(paths.srt, 'utf8'),
		vtt: await readFile(paths.vtt, 'utf8'),
		metadata: JSON.parse(await readFile(paths.metadata, 'utf8')) as VideoMetadata,
		summary: JSON.parse(await readFile(paths.summary, 'utf8')) as VideoSummary,
	};
};

const packageOf = (platform: PlatformName): Package => packages.get(platform)!;

/** The size a draft encodes at: the platform's own, scaled down. */
const draftSize = (platform: PlatformName) => {
	const { width, height } = sizeFor(platform);
	return { width: Math.round(width * DRAFT_SETTINGS.scale), height: Math.round(height * DRAFT_SETTINGS.scale) };
};

beforeAll(async () => {
	const dir = await makeTempDir('reelsmith-platforms-');
	const scriptFile = path.join(dir, 'script.json');
	const outDir = path.join(dir, 'out');
	await writeFile(scriptFile, json(script));
	// one after another, as `npm run render --platform douyin,bilibili,youtube` does
	for (const platform of PLATFORM_NAMES) {
		const result = await renderScript({ scriptFile, outDir, platform, draft: true, voice: null, storyboard: null });
		packages.set(platform, await readPackage(outDir, result.slug, platform));
	}
}, 480_000);

describe('one script, a draft package per platform', () => {
	it('expects half-size drafts of 1080×1920 and 1920×1080', () => {
		expect(draftSize('douyin')).toEqual({ width: 540, height: 960 });
		expect(draftSize('bilibili')).toEqual({ width: 960, height: 540 });
		expect(draftSize('youtube')).toEqual({ width: 960, height: 540 });
	});

	for (const platform of PLATFORM_NAMES) {
		describe(platform, () => {
			it('video.mp4: H.264 at the draft size, 30 fps, every frame of the props, with an audio stream', () => {
				const { props, facts } = packageOf(platform);
				const frames = totalDurationInFrames(props.scenes);
				expect(props.platform).toBe(platform);
				expect(props.aspectRatio).toBe(PLATFORMS[platform].preferredAspect);
				expect(facts.video).toMatchObject({ codec: 'avc', ...draftSize(platform), fps: 30, frames });
				expect(facts.durationMs).toBeGreaterThanOrEqual(Math.floor((frames / props.fps) * 1000) - 1);
				// the audio track may end a few AAC frames after the picture, never a whole second
				expect(facts.durationMs).toBeLessThan((frames / props.fps) * 1000 + 100);
				expect(facts.audio).toMatchObject({ codec: 'aac' });
				expect(facts.audio!.channels).toBeGreaterThan(0);
			});

			it("cover.jpg at the platform's cover size, not scaled down for the draft", () => {
				expect(packageOf(platform).cover).toEqual(PLATFORMS[platform].coverSize);
			});

			it('metadata.json names the platform, the encoded resolution, the draft and the duration', () => {
				const { metadata, facts, props, summary } = packageOf(platform);
				const { width, height } = draftSize(platform);
				expect(metadata).toMatchObject({
					platform,
					title: TITLE,
					resolution: `${width}x${height}`,
					width,
					height,
					draft: true,
					fps: 30,
					aspect_ratio: PLATFORMS[platform].preferredAspect,
				});
				expect({ width: metadata.width, height: metadata.height }).toEqual({ width: facts.video!.width, height: facts.video!.height });
				expect(metadata.duration_seconds).toBeCloseTo(totalDurationInFrames(props.scenes) / props.fps, 3);
				expect(Math.abs(metadata.duration_seconds * 1000 - facts.durationMs)).toBeLessThan(100);
				expect(summary.platforms[platform]).toMatchObject({ width, height, draft: true });
			});

			it('captions.srt and captions.vtt are the burned-in caption pages', () => {
				const { srt, vtt, props } = packageOf(platform);
				expect(srt).toBe(toSrt(captionCues(props)));
				expect(vtt).toBe(toVtt(captionCues(props)));
				expect(srt).toContain('早起先喝一杯温水。');
				expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
			});
		});
	}

	it('the three platforms share the same captions, timings and length', () => {
		const [first, ...others] = PLATFORM_NAMES.map(packageOf);
		expect(first!.srt.split('\n\n').length).toBe(SCENES.length);
		for (const other of others) {
			expect(other.srt).toBe(first!.srt);
			expect(other.vtt).toBe(first!.vtt);
			expect(other.facts.video!.frames).toBe(first!.facts.video!.frames);
			expect(other.metadata.duration_seconds).toBe(first!.metadata.duration_seconds);
		}
	});
});
