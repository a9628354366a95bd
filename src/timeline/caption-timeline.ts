import type { WordTiming } from '../schema/video-props';
import { drawnWords, pageCaptions, type PagingOptions } from './caption-paging';
import { framesToMs } from './frames';
import { sceneSlots, type TimedScene } from './scene-timeline';

/** What the caption timeline needs of a video: its frame rate, and each scene's length, transition and word timings. */
export type CaptionedVideo = {
	readonly fps: number;
	readonly scenes: readonly (TimedScene & { readonly id: number; readonly captions: readonly WordTiming[] })[];
};

/** A line of a page: its words as drawn (no leading space on the first) and when each is spoken. */
export type TimedLine = { readonly text: string; readonly words: readonly WordTiming[] };

/** A caption page and its window on screen, in ms from the start of its scene's narration: from startMs, until before endMs. */
export type TimedPage = { readonly startMs: number; readonly endMs: number; readonly lines: readonly TimedLine[] };

/** One scene's caption pages, and where they may show: from its first frame for `shownFrames` frames, until the next scene covers it. */
export type SceneCaptions = {
	readonly sceneId: number;
	readonly startFrame: number;
	/** ms from the start of the video to the scene's first frame, where its narration starts. */
	readonly fromMs: number;
	readonly shownFrames: number;
	readonly pages: readonly TimedPage[];
};

/**
 * Every caption page of a video with its window and its lit words: what the composition draws and what the
 * SRT/VTT files say. A page shows from its first word until the next page starts or the next scene covers its
 * own; a page with no time left before that never shows and is left out. `box` is the caption box of the frame
 * (its lines' width in em and how many lines a page holds).
 */
export const captionTimeline = (video: CaptionedVideo, box: PagingOptions): SceneCaptions[] => {
	const slots = sceneSlots(video.scenes);
	return video.scenes.map((scene, index) => {
		const slot = slots[index]!;
		const shownFrames = Math.max(1, slot.speechFrames);
		const visibleUntilMs = framesToMs(shownFrames, video.fps);
		const pages = pageCaptions(scene.captions, box);
		const timed = pages.map((page, i) => ({
			startMs: page.startMs,
			endMs: Math.min(pages[i + 1]?.startMs ?? visibleUntilMs, visibleUntilMs),
			lines: page.lines.map((line) => {
				const texts = drawnWords(line.tokens);
				return { text: texts.join(''), words: line.tokens.map((token, t) => ({ text: texts[t]!, startMs: token.startMs, endMs: token.endMs })) };
			}),
		}));
		return {
			sceneId: scene.id,
			startFrame: slot.startFrame,
			fromMs: framesToMs(slot.startFrame, video.fps),
			shownFrames,
			pages: timed.filter((page) => page.endMs > page.startMs),
		};
	});
};

/** The page on screen `ms` after the scene's narration starts, or null. */
export const pageShownAt = (pages: readonly TimedPage[], ms: number): TimedPage | null => pages.find((page) => page.startMs <= ms && ms < page.endMs) ?? null;

/** A word stays lit through the short pause after it, so the highlight never blinks off mid-sentence. */
export const HIGHLIGHT_HOLD_MS = 600;

/** The spoken word on a page at `ms`, as [line, word], or null between sentences. */
export const litWordAt = (page: TimedPage, ms: number): readonly [number, number] | null => {
	let found: readonly [number, number] | null = null;
	let foundEnd = 0;
	page.lines.forEach((line, l) =>
		line.words.forEach((word, w) => {
			if (word.startMs <= ms) {
				found = [l, w];
				foundEnd = word.endMs;
			}
		}),
	);
	return found !== null && ms < foundEnd + HIGHLIGHT_HOLD_MS ? found : null;
};
