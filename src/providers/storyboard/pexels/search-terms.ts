import { detectLanguage } from '../../../timeline/language';
import { keywordWeights } from '../../script/article/keywords';

/** What to search Pexels for: 2–4 words, and the language Pexels should read them in. */
export type SearchTerms = { readonly query: string; readonly locale: string };

/** Turns a scene's visual description into search terms: offline, or through the script's LLM. */
export type SearchTermSource = {
	/** Part of the cache key: another source finds other footage. */
	readonly name: string;
	readonly termsFor: (visualDescription: string) => Promise<SearchTerms>;
};

const MAX_TERMS = 4;

/**
 * Words every image prompt carries (the offline script writer's framing: "editorial illustration … space at the
 * bottom for captions, no text"): they say how to draw, not what to film, so they never make a search term.
 */
const FRAMING = new Set(
	(
		'editorial illustration image picture photo composition clean subject upper middle soft light calm space bottom captions caption text mood style scene ' +
		'画面 主体 场景 风格 插画 构图 简洁 居中 偏上 柔和 光线 下方 留出 字幕 空间 文字 出现'
	).split(' '),
);

/** Pexels' documented `locale` values include en-US and zh-CN; the descriptions this project writes are one of the two. */
const pexelsLocale = (language: string) => (language.startsWith('zh') ? 'zh-CN' : 'en-US');

/**
 * The description's weightiest content words, through the same keyword weights the offline script writer picks
 * key phrases with (script/article/keywords.ts); ties keep the description's order.
 */
export const offlineTerms = (visualDescription: string): SearchTerms => {
	const language = detectLanguage(visualDescription);
	const weights = [...keywordWeights([visualDescription], language)].filter(([word]) => !FRAMING.has(word.toLowerCase()));
	const words = weights
		.map(([word, weight], index) => ({ word, weight, index }))
		.sort((a, b) => b.weight - a.weight || a.index - b.index)
		.slice(0, MAX_TERMS)
		.sort((a, b) => a.index - b.index)
		.map((w) => w.word);
	const query = words.length > 0 ? words.join(' ') : visualDescription.trim().slice(0, 80);
	return { query, locale: pexelsLocale(language) };
};

export const offlineSearchTerms: SearchTermSource = { name: 'offline', termsFor: async (description) => offlineTerms(description) };
