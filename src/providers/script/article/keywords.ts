import { textWidthEm } from '../../../timeline/text-width';

const STOPWORDS = new Set(
	(
		'的 了 是 在 和 与 及 也 就 都 而 或 着 把 被 让 给 对 从 到 为 以 于 之 这 那 这个 那个 这些 那些 一个 一些 一种 我们 你们 他们 她们 它们 ' +
		'我 你 他 她 它 有 没有 不 没 很 更 最 还 又 再 会 能 可以 可能 要 需要 已经 因为 所以 但是 但 如果 虽然 然后 以及 并 并且 什么 怎么 如何 ' +
		'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
		'you your we our they their he she his her i me my not no so than then there here what which who how why when can could ' +
		'will would should may might do does did have has had just also very more most into about over out up through after before'
	).split(' '),
);

/** Word keys: lower case, except acronyms such as AI, which stay as written. */
const wordKey = (word: string) => (/^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase());

const words = (text: string, locale: string): string[] => {
	const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
	return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => wordKey(s.segment));
};

const isContentWord = (word: string) =>
	!STOPWORDS.has(word) && (/[^\x00-\x7f]/.test(word) ? [...word].length >= 2 : word.length >= 3 || /^[A-Z0-9]{2}$/.test(word));

/** How central each content word is to the article: its frequency, longer words a little more. */
export const keywordWeights = (texts: readonly string[], locale: string): Map<string, number> => {
	const weights = new Map<string, number>();
	for (const text of texts) {
		for (const word of words(text, locale)) {
			if (!isContentWord(word)) continue;
			weights.set(word, (weights.get(word) ?? 0) + 1 + Math.min([...word].length, 4) * 0.1);
		}
	}
	return weights;
};

/** Central words per square root of length, so a sentence is not chosen just for being long. */
export const centrality = (text: string, locale: string, weights: ReadonlyMap<string, number>): number => {
	const all = words(text, locale);
	if (all.length === 0) return 0;
	const sum = all.reduce((total, word) => total + (weights.get(word) ?? 0), 0);
	return sum / Math.sqrt(all.length);
};

/** An overlay line on 9:16 holds about 10 CJK characters, or a few more Latin letters. */
const maxPhraseEm = (locale: string) => (/^(zh|ja|ko)/i.test(locale) ? 10 : 16);
const trimEnds = (text: string) => text.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');

/** Runs of consecutive content words as written ("cold brew coffee", "三个习惯"), broken at stopwords and punctuation. */
const contentRuns = (text: string, locale: string): string[] => {
	const runs: string[] = [];
	let run = '';
	let gap = '';
	const close = () => {
		if (run !== '') runs.push(run);
		run = '';
		gap = '';
	};
	for (const { segment, isWordLike } of new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)) {
		if (isWordLike && isContentWord(wordKey(segment))) {
			run += (run === '' ? '' : gap) + segment;
			gap = '';
		} else if (!isWordLike && /^\s+$/u.test(segment) && run !== '') gap += segment;
		else close();
	}
	close();
	return runs;
};

/**
 * The scene's key phrase for its on-screen overlay: the weightiest clause that fits a line, else the
 * weightiest run of content words ("cold brew coffee").
 */
export const keyPhrase = (text: string, locale: string, weights: ReadonlyMap<string, number>): string => {
	const limit = maxPhraseEm(locale);
	const clauses = text
		.split(/[，。！？、；：,.!?;:—()（）「」“”"]+/u)
		.map(trimEnds)
		.filter((c) => /[\p{L}\p{N}]/u.test(c));
	const fits = (c: string) => textWidthEm(c) <= limit;
	const runs = contentRuns(text, locale).filter(fits);
	const candidates = [clauses.filter(fits), runs.filter((r) => textWidthEm(r) >= 4), runs].find((list) => list.length > 0);
	if (!candidates) return trimEnds([...text].slice(0, limit).join(''));
	const weight = (c: string) => centrality(c, locale, weights) * Math.sqrt(Math.max(1, [...c].length));
	const scored = candidates.map((candidate, index) => ({ candidate, score: weight(candidate) - index * 0.001 }));
	scored.sort((a, b) => b.score - a.score);
	return scored[0]!.candidate;
};
