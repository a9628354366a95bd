import { describe, expect, it } from 'vitest';
import { activeToken, HIGHLIGHT_HOLD_MS, pageCaptions } from '../src/timeline/caption-paging';

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
