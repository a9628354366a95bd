import { describe, expect, it } from 'vitest';
import { captionTimeline, HIGHLIGHT_HOLD_MS, litWordAt } from '../src/timeline/caption-timeline';
import { karaokeSegments } from '../src/timeline/karaoke-segments';

const token = (text: string, startMs: number, endMs: number) => ({ text, startMs, endMs, timestampMs: startMs, confidence: null });

describe('litWordAt', () => {
	const captions = [token('字幕', 0, 400), token('高亮，', 400, 800), token('和', 1200, 1400), token('同步', 1400, 1800)];
	const [scene] = captionTimeline(
		{ fps: 30, scenes: [{ id: 1, durationInFrames: 120, transition: { durationInFrames: 0 }, captions }] },
		{ maxLineWidthEm: 100, maxLines: 2 },
	);
	const page = scene!.pages[0]!;
	it('lights the word being spoken', () => {
		expect(litWordAt(page, 100)).toEqual([0, 0]);
		expect(litWordAt(page, 1500)).toEqual([0, 3]);
		expect(page.lines[0]!.words[3]!.text).toBe('同步');
	});
	it('holds the last word through a short pause, then lets go', () => {
		expect(litWordAt(page, 1000)).toEqual([0, 1]);
		expect(litWordAt(page, 1800 + HIGHLIGHT_HOLD_MS - 1)).toEqual([0, 3]);
		expect(litWordAt(page, 1800 + HIGHLIGHT_HOLD_MS + 1)).toBeNull();
	});
	it('lights nothing before the first word', () => {
		expect(litWordAt(page, -1)).toBeNull();
	});
});

describe('karaokeSegments', () => {
	const words = ['字幕', '逐字', '高亮，', 'in sync'];
	it('draws a line as the words before the lit one, the lit one, and the rest', () => {
		expect(karaokeSegments(words, 2)).toEqual([
			{ text: '字幕逐字', lit: false },
			{ text: '高亮，', lit: true },
			{ text: 'in sync', lit: false },
		]);
	});
	it('leaves out empty runs at either end', () => {
		expect(karaokeSegments(words, 0)).toEqual([
			{ text: '字幕', lit: true },
			{ text: '逐字高亮，in sync', lit: false },
		]);
		expect(karaokeSegments(words, 3).at(-1)).toEqual({ text: 'in sync', lit: true });
	});
	it('is one unlit run when nothing on the line is spoken, and keeps every character in order', () => {
		expect(karaokeSegments(words, null)).toEqual([{ text: '字幕逐字高亮，in sync', lit: false }]);
		for (const lit of [null, 0, 1, 2, 3])
			expect(
				karaokeSegments(words, lit)
					.map((s) => s.text)
					.join(''),
			).toBe(words.join(''));
	});
});
