import { describe, expect, it } from 'vitest';
import { CaptionTrack } from '../src/components/CaptionTrack';
import { captionCues } from '../src/publish/caption-cues';
import { ASPECT_SIZES } from '../src/schema/platforms';
import type { CaptionToken } from '../src/schema/video-props';
import { captionTimeline, pageShownAt } from '../src/timeline/caption-timeline';
import { framesToMs } from '../src/timeline/frames';
import { layoutFor } from '../src/timeline/layout';
import { totalDurationInFrames } from '../src/timeline/scene-timeline';
import { CAPTIONED } from './helpers/caption-scripts';
import { markupAtFrame } from './helpers/markup-at-frame';

const word = (text: string, startMs: number, endMs: number): CaptionToken => ({ text, startMs, endMs, timestampMs: startMs, confidence: null });
const WIDE = { maxLineWidthEm: 100, maxLines: 2 };

describe('captionTimeline', () => {
	// at 30 fps, scene 1 is covered by scene 2's 6-frame transition from frame 24 (800 ms)
	const video = {
		fps: 30,
		scenes: [
			{
				id: 1,
				durationInFrames: 30,
				transition: { durationInFrames: 0 },
				captions: [word('One.', 0, 200), word(' Two', 300, 450), word('.', 450, 500), word(' Late.', 900, 1000)],
			},
			{ id: 2, durationInFrames: 30, transition: { durationInFrames: 6 }, captions: [] },
		],
	};
	const [first, second] = captionTimeline(video, WIDE);

	it('gives each page its window: until the next page starts, the last until the next scene covers its own', () => {
		expect(first!.pages.map((page) => [page.startMs, page.endMs])).toEqual([
			[0, 300],
			[300, 800],
		]);
		expect(first).toMatchObject({ sceneId: 1, startFrame: 0, fromMs: 0, shownFrames: 24 });
		expect(second).toMatchObject({ sceneId: 2, startFrame: 24, fromMs: 800, shownFrames: 30, pages: [] });
	});

	it('leaves out a page spoken after its scene is covered', () => {
		expect(first!.pages.flatMap((page) => page.lines.map((line) => line.text))).toEqual(['One.', 'Two.']);
	});

	it("draws a line without the leading space of its first word, and keeps each word's times", () => {
		expect(first!.pages[1]!.lines[0]!.words).toEqual([{ text: 'Two.', startMs: 300, endMs: 500 }]);
		const two = captionTimeline({ fps: 30, scenes: [{ ...video.scenes[0]!, captions: [word('Hello', 0, 100), word(' world.', 100, 200)] }] }, WIDE)[0]!;
		expect(two.pages[0]!.lines[0]!.words.map((w) => w.text)).toEqual(['Hello', ' world.']);
	});

	it('shows a page only inside its window', () => {
		const pages = first!.pages;
		expect(pageShownAt(pages, -1)).toBeNull();
		expect(pageShownAt(pages, 0)).toBe(pages[0]);
		expect(pageShownAt(pages, 299)).toBe(pages[0]);
		expect(pageShownAt(pages, 300)).toBe(pages[1]);
		expect(pageShownAt(pages, 799)).toBe(pages[1]);
		expect(pageShownAt(pages, 800)).toBeNull();
	});
});

/** The caption plate's lines at a frame, as text, or [] when none is drawn. */
const linesOnScreen = (markup: string): string[] => {
	const plate = markup.split('data-testid="caption-plate"')[1];
	if (plate === undefined) return [];
	return [...plate.matchAll(/<div>(.*?)<\/div>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, '').replaceAll('&gt;', '>'));
};

describe('the burned-in captions and the subtitle files', () => {
	for (const [language, props] of Object.entries(CAPTIONED)) {
		it(`show the same pages at the same times (${language})`, () => {
			const { width, height } = ASPECT_SIZES[props.aspectRatio];
			const layout = layoutFor(props.aspectRatio, width, height);
			const config = { width, height, fps: props.fps, durationInFrames: totalDurationInFrames(props.scenes) };
			const cues = captionCues(props);
			const seen = new Set<string>();
			for (let frame = 0; frame < config.durationInFrames; frame++) {
				const drawn = linesOnScreen(markupAtFrame(CaptionTrack, { scenes: props.scenes, layout, theme: props.theme }, { ...config, frame }));
				const ms = framesToMs(frame, props.fps);
				const cue = cues.find((c) => c.startMs <= ms && ms < c.endMs);
				expect(drawn, `frame ${frame}`).toEqual(cue ? cue.lines : []);
				if (cue) seen.add(cue.lines.join('\n'));
			}
			// every cue was on screen for at least a frame
			expect(seen.size).toBe(cues.length);
		});
	}
});
