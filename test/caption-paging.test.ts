import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaptionToken, WordTiming } from '../src/schema/video-props';
import { lineText, pageCaptions, type CaptionPage, type PagingOptions } from '../src/timeline/caption-paging';
import { estimateCaptions, estimateSpeechMs } from '../src/timeline/estimate-captions';
import { layoutFor } from '../src/timeline/layout';
import { CLOSING_PUNCTUATION, endsSentence, endsWithOpening, OPENING_PUNCTUATION, startsWithClosing } from '../src/timeline/punctuation';
import { charWidthEm, textWidthEm } from '../src/timeline/text-width';
import { segmentWords } from '../src/timeline/words';

const SEED_ZH = '你是否还在手动处理那些重复性的工作?今天介绍5个AI工具,让你的效率翻倍。';
const EN = 'Your morning decides your day. Here are three habits that take less than ten minutes.';
const MIXED = '第一个:ChatGPT。从写邮件到做方案,它就像你的私人助理。用 Notion AI 整理（会议）记录，效率提升50%！';
const LONG_WORD = 'Doctors call it pneumonoultramicroscopicsilicovolcanoconiosis, and supercalifragilisticexpialidociousness is longer still.';
const LONG_HAN =
	'这是一个没有任何标点符号的很长很长的句子我们需要看看它会怎样被切分成多行多页的字幕效果如何呢这是一个没有任何标点符号的很长很长的句子再重复一次也没有关系只要每一行都放得下就好';

const examples = ['ai-tools-douyin.json', 'morning-routine-youtube.json'].flatMap((name) =>
	(JSON.parse(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8')).scenes as { narration: string }[]).map((s) => s.narration),
);

const normalise = (text: string) => text.trim().replace(/\s+/gu, ' ');
const joined = (tokens: readonly { text: string }[]) => tokens.map((t) => t.text).join('');
const localeOf = (text: string) => (/\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en');

const LAYOUTS = {
	'9:16': layoutFor('9:16', 1080, 1920).captions,
	'16:9': layoutFor('16:9', 1920, 1080).captions,
	'1:1': layoutFor('1:1', 1080, 1080).captions,
} as const;

/** Every rule for paged captions: lines within the box's width, pages within its line count, no line starting with closing or ending with opening punctuation, every word once and in order. */
const expectWellPaged = (tokens: readonly WordTiming[], pages: readonly CaptionPage[], options: PagingOptions, label: string) => {
	expect(pages.length, label).toBeGreaterThan(0);
	const units: WordTiming[] = [];
	pages.forEach((page, p) => {
		const where = `${label}, page ${p}`;
		expect(page.lines.length, where).toBeGreaterThanOrEqual(1);
		expect(page.lines.length, where).toBeLessThanOrEqual(options.maxLines);
		if (p > 0) expect(page.startMs, where).toBeGreaterThanOrEqual(pages[p - 1]!.startMs);
		for (const line of page.lines) {
			const text = lineText(line);
			const at = `${where}, line ${JSON.stringify(text)}`;
			expect(line.tokens.length, at).toBeGreaterThan(0);
			expect(text.trim(), at).not.toBe('');
			expect(CLOSING_PUNCTUATION.includes(text[0]!), `${at} starts with closing punctuation`).toBe(false);
			expect(OPENING_PUNCTUATION.includes(text.trimEnd().at(-1)!), `${at} ends with opening punctuation`).toBe(false);
			expect(textWidthEm(text), `${at} is too wide`).toBeLessThanOrEqual(options.maxLineWidthEm);
			expect(line.widthEm, at).toBeCloseTo(textWidthEm(text), 9);
			units.push(...line.tokens);
		}
		expect(page.startMs, where).toBe(page.lines[0]!.tokens[0]!.startMs);
	});
	// every token once, in order, nothing added or lost
	expect(joined(units), label).toBe(joined(tokens));
	for (let i = 1; i < units.length; i++) {
		expect(units[i]!.startMs, `${label}, unit ${i}`).toBeGreaterThanOrEqual(units[i - 1]!.startMs);
		expect(units[i]!.startMs, `${label}, unit ${i}`).toBeLessThanOrEqual(units[i]!.endMs);
	}
	expect(units[0]!.startMs).toBe(tokens[0]!.startMs);
	expect(Math.max(...units.map((t) => t.endMs))).toBe(Math.max(...tokens.map((t) => t.endMs)));
};

const token = (text: string, startMs: number, endMs: number): CaptionToken => ({
	text,
	startMs,
	endMs,
	timestampMs: startMs,
	confidence: 1,
});

/** A provider-style list: one token per word, punctuation arriving as tokens of its own. */
const providerTokens = (texts: readonly string[], msEach = 200): CaptionToken[] => texts.map((text, i) => token(text, i * msEach, i * msEach + msEach - 20));

describe('text width and punctuation helpers', () => {
	it('measures CJK as 1 em and Latin narrower', () => {
		expect(textWidthEm('你好世界')).toBe(4);
		expect(textWidthEm('，。！？')).toBe(4);
		expect(charWidthEm('i')).toBeLessThan(charWidthEm('a'));
		expect(charWidthEm('a')).toBeLessThan(charWidthEm('M'));
		expect(charWidthEm(' ')).toBeGreaterThan(0);
		expect(textWidthEm('hello')).toBeCloseTo(0.62 * 3 + 0.32 * 2, 9);
		expect(textWidthEm('')).toBe(0);
	});

	it('knows closing, opening and sentence-ending punctuation', () => {
		for (const c of '，。！？、；：」』）》') expect(startsWithClosing(c)).toBe(true);
		for (const c of '「『（《') expect(endsWithOpening(`字${c}`)).toBe(true);
		expect(startsWithClosing(' ,x')).toBe(true);
		expect(startsWithClosing('字，')).toBe(false);
		expect(endsWithOpening('（字')).toBe(false);
		expect(endsSentence('翻倍。')).toBe(true);
		expect(endsSentence('工作?')).toBe(true);
		expect(endsSentence('好。」')).toBe(true);
		expect(endsSentence(' minutes."')).toBe(true);
		expect(endsSentence('工具,')).toBe(false);
		expect(endsSentence('word')).toBe(false);
	});
});

describe('layoutFor', () => {
	it('keeps captions inside the frame and clear of the 9:16 app chrome', () => {
		const l = layoutFor('9:16', 1080, 1920);
		expect(l.captions.left).toBeGreaterThanOrEqual(0);
		expect(l.captions.left + l.captions.width).toBeLessThanOrEqual(1080 * (1 - 0.17) + 1);
		expect(l.captions.top).toBeGreaterThan(0);
		expect(l.captions.top + l.captions.height).toBeLessThanOrEqual(1920 * 0.75 + 1);
		expect(l.captions.maxLines).toBe(2);
		// about 11 CJK characters per line on a phone
		expect(Math.floor(l.captions.maxLineWidthEm)).toBe(11);
		const w = layoutFor('16:9', 1920, 1080);
		expect(w.captions.left + w.captions.width).toBeLessThanOrEqual(1920);
		expect(w.captions.top + w.captions.height).toBeLessThanOrEqual(1080);
		expect(w.captions.maxLineWidthEm).toBeGreaterThan(l.captions.maxLineWidthEm);
	});
});

describe('segmentWords', () => {
	it('Chinese: tokens give back the text, punctuation attached to the word before it', () => {
		const tokens = segmentWords(SEED_ZH, 'zh-CN');
		expect(joined(tokens)).toBe(SEED_ZH);
		expect(tokens.length).toBeGreaterThan(10);
		expect(tokens.at(-1)!.text.endsWith('。')).toBe(true);
		for (const t of tokens) {
			expect(startsWithClosing(t.text), t.text).toBe(false);
			expect(/[\p{L}\p{N}]/u.test(t.text), `${t.text} is punctuation alone`).toBe(true);
		}
		expect(tokens.some((t) => t.text.endsWith('工作?'))).toBe(true);
		expect(tokens.some((t) => t.text.endsWith('工具,'))).toBe(true);
	});

	it('English: words with a leading space, punctuation attached', () => {
		const tokens = segmentWords(EN, 'en');
		expect(tokens.map((t) => t.text)).toEqual([
			'Your',
			' morning',
			' decides',
			' your',
			' day.',
			' Here',
			' are',
			' three',
			' habits',
			' that',
			' take',
			' less',
			' than',
			' ten',
			' minutes.',
		]);
		expect(segmentWords("It's 5 o'clock, isn't it?", 'en').map((t) => t.text)).toEqual(["It's", ' 5', " o'clock,", " isn't", ' it?']);
	});

	it('mixed Chinese and English text', () => {
		const tokens = segmentWords(MIXED, 'zh-CN');
		expect(joined(tokens)).toBe(MIXED);
		const texts = tokens.map((t) => t.text);
		expect(texts).toContain('ChatGPT。');
		expect(texts).toContain(' Notion');
		expect(texts).toContain(' AI');
		// opening punctuation joins the word after it, closing the word before it
		expect(texts.some((t) => t.startsWith('（会议'))).toBe(true);
		expect(texts.some((t) => t.endsWith('）'))).toBe(true);
		expect(texts.at(-1)).toBe('50%！');
		for (const t of texts) {
			expect(startsWithClosing(t), t).toBe(false);
			expect(endsWithOpening(t), t).toBe(false);
		}
	});

	it('normalises whitespace and keeps the space around a dash', () => {
		expect(joined(segmentWords('  Hello   world,\n  again \t ', 'en'))).toBe('Hello world, again');
		const dash = segmentWords('Wait — what (really)? Yes…', 'en');
		expect(joined(dash)).toBe('Wait — what (really)? Yes…');
		for (const t of dash) expect(startsWithClosing(t.text), t.text).toBe(false);
		expect(dash.map((t) => t.text)).toContain(' (really)?');
	});

	it('Chinese quotes and brackets stay with their words', () => {
		const text = '他说：「你好。」然后《三体》就火了。';
		const tokens = segmentWords(text, 'zh-CN');
		expect(joined(tokens)).toBe(text);
		for (const t of tokens) {
			expect(startsWithClosing(t.text), t.text).toBe(false);
			expect(endsWithOpening(t.text), t.text).toBe(false);
		}
	});

	it('every example narration comes back whole', () => {
		for (const narration of [...examples, LONG_WORD, LONG_HAN]) {
			const tokens = segmentWords(narration, localeOf(narration));
			expect(joined(tokens)).toBe(normalise(narration));
			for (const t of tokens) expect(startsWithClosing(t.text), `${t.text} in ${narration}`).toBe(false);
		}
	});

	it('empty and blank text give no tokens', () => {
		expect(segmentWords('', 'en')).toEqual([]);
		expect(segmentWords('   ', 'zh-CN')).toEqual([]);
	});
});

describe('estimateCaptions', () => {
	const expectWellTimed = (text: string, locale: string, availableMs: number) => {
		const captions = estimateCaptions(text, locale, availableMs);
		expect(captions.length).toBeGreaterThan(0);
		expect(joined(captions)).toBe(normalise(text));
		captions.forEach((c, i) => {
			expect(Number.isInteger(c.startMs) && Number.isInteger(c.endMs)).toBe(true);
			expect(c.startMs).toBeGreaterThanOrEqual(0);
			expect(c.endMs).toBeGreaterThan(c.startMs);
			expect(c.endMs).toBeLessThanOrEqual(availableMs);
			expect(c.timestampMs).toBe(c.startMs);
			expect(c.confidence).toBeNull();
			if (i > 0) expect(c.startMs).toBeGreaterThanOrEqual(captions[i - 1]!.endMs);
		});
		expect(captions[0]!.startMs).toBe(0);
		return captions;
	};

	it('Chinese: monotonic, non-overlapping, within the available time, covering the text', () => {
		const captions = expectWellTimed(SEED_ZH, 'zh-CN', 8000);
		// more time than needed: spoken at the natural rate, not stretched
		const natural = expectWellTimed(SEED_ZH, 'zh-CN', 60_000);
		expect(natural.at(-1)!.endMs).toBeLessThan(60_000);
		expect(natural.at(-1)!.endMs).toBeLessThanOrEqual(estimateSpeechMs(SEED_ZH, 'zh-CN'));
		// less time than needed: squeezed to end exactly on time
		const squeezed = expectWellTimed(SEED_ZH, 'zh-CN', 3000);
		expect(squeezed.at(-1)!.endMs).toBe(3000);
		expect(captions.at(-1)!.endMs).toBeLessThanOrEqual(8000);
	});

	it('pauses longer after a sentence than after a comma, none between plain words', () => {
		const captions = estimateCaptions(SEED_ZH, 'zh-CN', 60_000);
		const gapAfter = (suffix: string) => {
			const i = captions.findIndex((c) => c.text.endsWith(suffix));
			expect(i).toBeGreaterThanOrEqual(0);
			return captions[i + 1]!.startMs - captions[i]!.endMs;
		};
		const sentence = gapAfter('?');
		const comma = gapAfter(',');
		expect(comma).toBeGreaterThan(0);
		expect(sentence).toBeGreaterThan(comma);
		expect(captions[1]!.startMs).toBe(captions[0]!.endMs);
	});

	it('English and mixed text, and every example narration', () => {
		expectWellTimed(EN, 'en', 6000);
		expectWellTimed(MIXED, 'zh-CN', 7000);
		for (const narration of examples) {
			for (const availableMs of [1500, 4000, 9000, 30_000]) expectWellTimed(narration, localeOf(narration), availableMs);
		}
	});

	it('nothing to say or no time gives no captions', () => {
		expect(estimateCaptions('', 'en', 5000)).toEqual([]);
		expect(estimateCaptions(EN, 'en', 0)).toEqual([]);
		expect(estimateCaptions(EN, 'en', -300)).toEqual([]);
	});

	it('longer text takes longer', () => {
		expect(estimateSpeechMs(EN, 'en')).toBeGreaterThan(estimateSpeechMs('Your morning decides your day.', 'en'));
		expect(estimateSpeechMs(SEED_ZH, 'zh-CN')).toBeGreaterThan(3000);
		expect(estimateSpeechMs(SEED_ZH, 'zh-CN')).toBeLessThan(15_000);
	});
});

describe('pageCaptions', () => {
	const cases: [label: string, text: string][] = [
		['Chinese', SEED_ZH],
		['English', EN],
		['mixed', MIXED],
		['long English word', LONG_WORD],
		['long Chinese run without punctuation', LONG_HAN],
		...examples.map((text, i) => [`example narration ${i}`, text] as [string, string]),
	];

	for (const [aspect, options] of Object.entries(LAYOUTS)) {
		for (const [label, text] of cases) {
			it(`${label} on ${aspect}`, () => {
				const tokens = estimateCaptions(text, localeOf(text), 9000);
				const pages = pageCaptions(tokens, options);
				expectWellPaged(tokens, pages, options, `${label} ${aspect}`);
			});
		}
	}

	it('Chinese on 9:16: literal pages, broken at the end of each sentence', () => {
		const tokens = estimateCaptions(SEED_ZH, 'zh-CN', 8000);
		const pages = pageCaptions(tokens, LAYOUTS['9:16']);
		expect(pages.map((p) => p.lines.map(lineText))).toEqual([
			['你是否还在手动处理那些', '重复性的工作?'],
			['今天介绍5个AI工具,让', '你的效率翻倍。'],
		]);
	});

	it('English on 9:16: a new page after each sentence, lines broken between words', () => {
		const tokens = estimateCaptions(EN, 'en', 8000);
		const pages = pageCaptions(tokens, LAYOUTS['9:16']);
		const lines = pages.map((p) => p.lines.map(lineText));
		expect(lines[0]!.at(-1)!.endsWith('day.')).toBe(true);
		expect(lines.flat().join(' ')).toBe(EN);
		expect(lines.at(-1)!.at(-1)!.endsWith('minutes.')).toBe(true);
	});

	it('a word wider than a line is cut into pieces that fit, with times split in proportion', () => {
		const options = LAYOUTS['9:16'];
		const tokens = [token('Pneumonoultramicroscopicsilicovolcanoconiosis', 0, 4500), token(' again.', 4500, 5000)];
		const pages = pageCaptions(tokens, options);
		expectWellPaged(tokens, pages, options, 'long word');
		const pieces = pages.flatMap((p) => p.lines.flatMap((l) => l.tokens));
		expect(pieces.length).toBeGreaterThanOrEqual(3);
		expect(pieces[0]!.startMs).toBe(0);
		const lastPiece = pieces.findLast((t) => !t.text.includes('again'))!;
		expect(lastPiece.endMs).toBe(4500);
	});

	it('a very wide word next to closing punctuation never leaves the punctuation to start a line', () => {
		for (const options of Object.values(LAYOUTS)) {
			const word = 'Antidisestablishmentarianism'.repeat(3);
			const tokens = providerTokens([word, '，', '然后', '。']);
			expectWellPaged(tokens, pageCaptions(tokens, options), options, 'wide word + punctuation');
		}
	});

	it('provider-style tokens with punctuation as tokens of their own (Chinese)', () => {
		const texts = [
			'你',
			'是否',
			'还在',
			'手动',
			'处理',
			'那些',
			'重复性',
			'的',
			'工作',
			'？',
			'今天',
			'介绍',
			'5',
			'个',
			'AI',
			'工具',
			'，',
			'让',
			'你的',
			'效率',
			'翻倍',
			'。',
		];
		const tokens = providerTokens(texts);
		for (const [aspect, options] of Object.entries(LAYOUTS)) {
			const pages = pageCaptions(tokens, options);
			expectWellPaged(tokens, pages, options, `provider zh ${aspect}`);
			const lines = pages.flatMap((p) => p.lines.map(lineText));
			expect(lines.some((l) => l.includes('工具，'))).toBe(true);
			// a separate "？" still ends the sentence and the page
			expect(pages[0]!.lines.map(lineText).join('').endsWith('工作？')).toBe(true);
		}
	});

	it('provider-style tokens with many commas, quotes and brackets as their own tokens', () => {
		const texts: string[] = [];
		for (let i = 0; i < 12; i++) texts.push('「', '第', `${i}`, '个', '」', '，', '（', '注意', '）', '、');
		texts.push('好', '。');
		const tokens = providerTokens(texts, 90);
		for (const [aspect, options] of Object.entries(LAYOUTS)) {
			expectWellPaged(tokens, pageCaptions(tokens, options), options, `provider brackets ${aspect}`);
		}
	});

	it('provider-style English tokens with punctuation split off', () => {
		const texts = [
			'Your',
			' morning',
			' decides',
			' your',
			' day',
			'.',
			' Here',
			' are',
			' three',
			' habits',
			',',
			' really',
			'!',
			' (',
			'Trust',
			' me',
			')',
			'.',
		];
		const tokens = providerTokens(texts);
		for (const [aspect, options] of Object.entries(LAYOUTS)) {
			expectWellPaged(tokens, pageCaptions(tokens, options), options, `provider en ${aspect}`);
		}
	});

	it('a long run of Chinese without punctuation fills lines and pages to the limit', () => {
		const options = LAYOUTS['9:16'];
		const tokens = providerTokens([...LONG_HAN].slice(0, 80));
		const pages = pageCaptions(tokens, options);
		expectWellPaged(tokens, pages, options, 'long han');
		// 11 characters per line, 2 lines per page: 80 characters make 4 pages
		const maxChars = Math.floor(options.maxLineWidthEm);
		expect(pages.slice(0, -1).every((p) => p.lines.length === 2)).toBe(true);
		expect(
			pages
				.flatMap((p) => p.lines)
				.slice(0, -1)
				.every((l) => [...lineText(l)].length === maxChars),
		).toBe(true);
		expect(pages).toHaveLength(Math.ceil(80 / (maxChars * 2)));
	});

	it('keeps every rule under narrow made-up widths too', () => {
		const texts = [SEED_ZH, EN, MIXED, LONG_WORD, LONG_HAN, '他说：「你好。」然后《三体》就火了。'];
		for (const maxLineWidthEm of [4, 5.5, 7, 9.25]) {
			for (const maxLines of [1, 2, 3]) {
				for (const text of texts) {
					const tokens = estimateCaptions(text, localeOf(text), 10_000);
					const options = { maxLineWidthEm, maxLines };
					expectWellPaged(tokens, pageCaptions(tokens, options), options, `${maxLineWidthEm}em × ${maxLines}: ${text}`);
				}
			}
		}
	});

	it('no tokens, no pages', () => {
		expect(pageCaptions([], LAYOUTS['9:16'])).toEqual([]);
	});
});
