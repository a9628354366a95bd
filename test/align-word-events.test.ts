import { describe, expect, it } from 'vitest';
import { alignWordEvents, type WordEvent } from '../src/providers/voice/espeak/align-word-events';
import { locateTokens } from '../src/providers/voice/espeak/token-spans';
import { segmentWords } from '../src/timeline/words';

const MIXED = '我用ChatGPT写了2024年20%的代码。';
// recorded from eSpeak's cmn voice: "2024" reads as three words, "代码" as one event, "码" has none
const MIXED_EVENTS: WordEvent[] = [
	[1, 0],
	[2, 231],
	[3, 607],
	[7, 872],
	[10, 1286],
	[11, 1558],
	[12, 1683],
	[13, 1880],
	[13, 2252],
	[16, 2884],
	[17, 3146],
	[19, 3577],
	[20, 3991],
	[21, 4130],
].map(([textPosition, audioMs]) => ({ textPosition: textPosition!, audioMs: audioMs! }));

const expectWellFormed = (words: ReturnType<typeof alignWordEvents>, text: string, language: string, durationMs: number) => {
	expect(words.map((w) => w.text)).toEqual(segmentWords(text, language).map((t) => t.text));
	let previousEnd = 0;
	for (const word of words) {
		expect(word.startMs).toBeGreaterThanOrEqual(previousEnd);
		expect(word.endMs).toBeGreaterThanOrEqual(word.startMs);
		previousEnd = word.endMs;
	}
	expect(previousEnd).toBeLessThanOrEqual(durationMs);
};

describe('locateTokens', () => {
	it('finds tokens by code point, skipping collapsed whitespace', () => {
		const text = '  Spaced   out — really?';
		expect(locateTokens(text, segmentWords(text, 'en'))).toEqual([
			{ start: 2, end: 7 },
			{ start: 11, end: 15 },
			{ start: 17, end: 23 },
		]);
	});
	it('counts characters outside the BMP as one position', () => {
		const text = '𠮷野家 好吃';
		const spans = locateTokens(text, segmentWords(text, 'zh-CN'));
		expect(spans.at(-1)).toEqual({ start: 4, end: 5 });
	});
});

describe('alignWordEvents', () => {
	it('times every token of a mixed Chinese, English and number sentence', () => {
		const words = alignWordEvents({ text: MIXED, language: 'zh-CN', events: MIXED_EVENTS, speechEndMs: 4569, durationMs: 4576 });
		expectWellFormed(words, MIXED, 'zh-CN', 4576);
		const at = (text: string) => words.find((w) => w.text === text)!;
		expect(at('ChatGPT')).toEqual({ text: 'ChatGPT', startMs: 607, endMs: 1286 });
		// three events inside "2024" collapse into one word
		expect(at('2024')).toEqual({ text: '2024', startMs: 1683, endMs: 2884 });
		expect(at('20%')).toEqual({ text: '20%', startMs: 3146, endMs: 3991 });
		expect(at('代码。')).toEqual({ text: '代码。', startMs: 4130, endMs: 4569 });
	});

	it('interpolates tokens eSpeak read as one word, by letter count', () => {
		// one event covers both tokens "今天" and "天气"
		const words = alignWordEvents({
			text: '今天天气很好',
			language: 'zh-CN',
			events: [
				{ textPosition: 1, audioMs: 0 },
				{ textPosition: 5, audioMs: 1200 },
			],
			speechEndMs: 1800,
			durationMs: 2000,
		});
		expect(words).toEqual([
			{ text: '今天', startMs: 0, endMs: 600 },
			{ text: '天气', startMs: 600, endMs: 1200 },
			{ text: '很好', startMs: 1200, endMs: 1800 },
		]);
	});

	it('gives an event in the space before a word to that word', () => {
		const words = alignWordEvents({
			text: 'Hello  world',
			language: 'en',
			events: [
				{ textPosition: 1, audioMs: 0 },
				{ textPosition: 6, audioMs: 400 },
			],
			speechEndMs: 900,
			durationMs: 1000,
		});
		expect(words).toEqual([
			{ text: 'Hello', startMs: 0, endMs: 400 },
			{ text: ' world', startMs: 400, endMs: 900 },
		]);
	});

	it('keeps times monotonic and inside the audio whatever the events say', () => {
		const text = 'one two three four';
		const words = alignWordEvents({
			text,
			language: 'en',
			events: [
				{ textPosition: 5, audioMs: 700 },
				{ textPosition: 9, audioMs: 300 },
				{ textPosition: 99, audioMs: 5000 },
			],
			speechEndMs: 2500,
			durationMs: 1000.5,
		});
		expectWellFormed(words, text, 'en', 1000);
		expect(words[0]).toEqual({ text: 'one', startMs: 0, endMs: 700 });
		expect(words[1]!.endMs).toBe(700);
		expect(words.at(-1)!.endMs).toBe(1000);
	});

	it('spreads words over the speech when eSpeak sent no word events', () => {
		const words = alignWordEvents({ text: 'ab cd', language: 'en', events: [], speechEndMs: 800, durationMs: 900 });
		expect(words).toEqual([
			{ text: 'ab', startMs: 0, endMs: 400 },
			{ text: ' cd', startMs: 400, endMs: 800 },
		]);
	});

	it('returns no words for empty text', () => {
		expect(alignWordEvents({ text: '  ', language: 'en', events: [], speechEndMs: 0, durationMs: 10 })).toEqual([]);
	});
});
