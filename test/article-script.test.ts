import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createArticleScriptWriter } from '../src/providers/script/article/article-script-writer';
import { groupScenes, SCENE_MAX_MS, SCENE_MIN_MS } from '../src/providers/script/article/group-scenes';
import { keyPhrase, keywordWeights } from '../src/providers/script/article/keywords';
import { readArticle } from '../src/providers/script/article/read-article';
import { splitSentences } from '../src/providers/script/article/sentences';
import { textWidthEm } from '../src/timeline/text-width';

const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');
const writer = createArticleScriptWriter();
const write = (text: string, durationSeconds?: number) =>
	writer.write({ source: { kind: 'article', text, name: 'article.md' }, platform: 'douyin', ...(durationSeconds ? { durationSeconds } : {}) });

describe('reading an article', () => {
	it('takes the first heading as the title and drops markup, code and link targets', () => {
		const article = readArticle(
			'\uFEFF# Title **bold**\n\nFirst line with a [link](http://x.test) and `code`.\nsame paragraph.\n\n```\nconst x = 1;\n```\n\n- item one\n> quoted\n\n| a | b |\n',
		);
		expect(article.title).toBe('Title bold');
		expect(article.paragraphs).toEqual(['First line with a link and code. same paragraph.', 'item one quoted']);
	});

	it('segments Chinese and English sentences with Intl.Segmenter', () => {
		const zh = splitSentences(['第一句话。第二句话！第三句？'], 'zh-CN').map((s) => s.text);
		expect(zh).toEqual(['第一句话。', '第二句话！', '第三句？']);
		const en = splitSentences(['Dr. Smith arrived. He sat down! Then what?'], 'en').map((s) => s.text);
		expect(en.at(-1)).toBe('Then what?');
		expect(en.join(' ')).toBe('Dr. Smith arrived. He sat down! Then what?');
	});

	it('splits a sentence too long for one scene at its commas', () => {
		const long = Array.from({ length: 8 }, (_, i) => `这是第${i + 1}个很长很长的分句内容`).join('，') + '。';
		const pieces = splitSentences([long], 'zh-CN');
		expect(pieces.length).toBeGreaterThan(1);
		expect(pieces.map((p) => p.text).join('')).toBe(long);
		for (const piece of pieces) expect(piece.speechMs).toBeLessThanOrEqual(11_000);
	});
});

describe('grouping sentences into scenes', () => {
	const sentence = (speechMs: number, paragraph = 0) => ({ text: 'x', paragraph, position: 0, speechMs });

	it('keeps every scene between 5 and 12 s when the sentences allow it', () => {
		const sentences = [3000, 2500, 4000, 6000, 1500, 2000, 7000, 3000, 3500, 1200].map((ms) => sentence(ms));
		const scenes = groupScenes(sentences);
		expect(scenes.flat()).toEqual(sentences);
		for (const scene of scenes) {
			const ms = scene.reduce((sum, s) => sum + s.speechMs, 0);
			expect(ms).toBeGreaterThanOrEqual(SCENE_MIN_MS);
			expect(ms).toBeLessThanOrEqual(SCENE_MAX_MS);
		}
	});

	it('prefers to cut at a paragraph break', () => {
		const scenes = groupScenes([sentence(5000, 0), sentence(2000, 1), sentence(3500, 1)]);
		expect(scenes.map((s) => s.length)).toEqual([1, 2]);
		expect(groupScenes([sentence(5000, 0), sentence(2000, 0), sentence(4500, 1)]).map((s) => s.length)).toEqual([2, 1]);
	});

	it('gives a sentence longer than a scene a scene of its own', () => {
		expect(groupScenes([sentence(4000), sentence(14000), sentence(5000)]).map((s) => s.length)).toEqual([1, 1, 1]);
	});
});

describe('key phrases', () => {
	it('picks a central clause that fits one overlay line', () => {
		const text = '第二个习惯，是让AI先列提纲。提纲确定之后，再一段一段地展开。';
		const phrase = keyPhrase(text, 'zh-CN', keywordWeights([text, '提纲很重要。AI可以写提纲。'], 'zh-CN'));
		expect(text).toContain(phrase);
		expect(textWidthEm(phrase)).toBeLessThanOrEqual(10);
		expect(phrase).toContain('提纲');
	});

	it('uses a run of content words in English when no clause fits', () => {
		const text = 'Cold brew coffee is smoother and less bitter than hot coffee, and you need no special equipment to make it.';
		const phrase = keyPhrase(text, 'en', keywordWeights([text, 'cold brew coffee keeps a week'], 'en'));
		expect(phrase).toBe('Cold brew coffee');
	});
});

describe('article → script', () => {
	it('turns the Chinese example into a valid script of 5–12 s scenes with overlays from their own text', async () => {
		const { script, notes } = await write(example('ai-writing-article.md'));
		expect(notes).toEqual([]);
		expect(script.title).toBe('用AI写作的三个习惯');
		expect(script.language).toBe('zh-CN');
		expect(script.scenes.length).toBeGreaterThanOrEqual(5);
		expect(script.scenes[0]!.transition).toBe('fade_in');
		for (const scene of script.scenes) {
			expect(scene.duration).toBeGreaterThanOrEqual(5);
			expect(scene.duration).toBeLessThanOrEqual(12);
			expect(scene.narration).toContain(scene.text_overlay);
			expect([...scene.visual_description].length).toBeGreaterThanOrEqual(30);
		}
		// nothing of the article is lost when it fits
		expect(script.scenes.map((s) => s.narration).join('')).toContain('2024年的一项调查显示，超过60%的创作者用AI做修改');
	});

	it('summarises to --duration and says so', async () => {
		const full = await write(example('ai-writing-article.md'));
		const { script, notes } = await write(example('ai-writing-article.md'), 30);
		const total = script.scenes.reduce((sum, s) => sum + s.duration, 0);
		expect(total).toBeLessThanOrEqual(35);
		expect(script.duration_target).toBe(30);
		expect(script.scenes.length).toBeLessThan(full.script.scenes.length);
		expect(notes.join('\n')).toMatch(/kept the \d+ most central of \d+ sentences.*--duration 30/);
		// the opening survives the cut and the kept sentences stay in order
		expect(script.scenes[0]!.narration).toBe(full.script.scenes[0]!.narration.slice(0, script.scenes[0]!.narration.length));
	});

	it('writes an English script and is deterministic', async () => {
		const first = await write(example('cold-brew-article.md'));
		const second = await write(example('cold-brew-article.md'));
		expect(second).toEqual(first);
		expect(first.script.language).toBe('en');
		expect(first.script.title).toBe('Cold Brew at Home');
		expect(first.script.scenes.map((s) => s.narration).join(' ')).toContain('Start with coarsely ground beans.');
	});

	it('refuses an article without words', async () => {
		await expect(write('# \n\n```\ncode only\n```\n')).rejects.toThrow(/no text to narrate/);
	});
});
