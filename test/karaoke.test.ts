import { describe, expect, it } from 'vitest';
import { activeToken, HIGHLIGHT_HOLD_MS, pageCaptions } from '../src/timeline/caption-paging';
import { karaokeSegments } from '../src/timeline/karaoke-segments';

const token = (text: string, startMs: number, endMs: number) => ({ text, startMs, endMs, timestampMs: startMs, confidence: null });

describe('activeToken', () => {
	const [page] = pageCaptions([token('字幕', 0, 400), token('高亮，', 400, 800), token('和', 1200, 1400), token('同步', 1400, 1800)], {
		maxLineWidthEm: 100,
		maxLines: 2,
	});
	it('lights the word being spoken', () => {
		expect(activeToken(page!, 100)).toEqual([0, 0]);
		expect(activeToken(page!, 1500)).toEqual([0, 3]);
	});
	it('holds the last word through a short pause, then lets go', () => {
		expect(activeToken(page!, 1000)).toEqual([0, 1]);
		expect(activeToken(page!, 1800 + HIGHLIGHT_HOLD_MS + 1)).toBeNull();
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
		for (const lit of [null, 0, 1, 2, 3]) expect(karaokeSegments(words, lit).map((s) => s.text).join('')).toBe(words.join(''));
	});
});
