/**
 * Latin words match whole (so "ai" is not found in "rain"); CJK terms match anywhere, or as a RegExp
 * when a false friend needs excluding (上海 is a city, not the sea).
 */
export type Keyword = string | RegExp;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const toPattern = (keyword: Keyword): RegExp => {
	if (keyword instanceof RegExp) return keyword;
	if (/^[\x20-\x7e]+$/.test(keyword)) return new RegExp(`(?<![a-z0-9])${escape(keyword)}(?![a-z0-9])`, 'i');
	return new RegExp(escape(keyword));
};

export type KeywordSet = readonly RegExp[];

export const keywordSet = (...keywords: Keyword[]): KeywordSet => keywords.map(toPattern);

export type KeywordHit = { readonly count: number; readonly first: number };

export const findKeywords = (text: string, set: KeywordSet): KeywordHit => {
	let count = 0;
	let first = Number.POSITIVE_INFINITY;
	for (const pattern of set) {
		const match = pattern.exec(text);
		if (!match) continue;
		count++;
		first = Math.min(first, match.index);
	}
	return { count, first };
};

/** The family with most hits; ties go to the one mentioned first. */
export const strongestFamily = <K extends string>(text: string, families: Readonly<Record<K, KeywordSet>>): K | undefined => {
	let best: { key: K; hit: KeywordHit } | undefined;
	for (const key of Object.keys(families) as K[]) {
		const hit = findKeywords(text, families[key]);
		if (hit.count === 0) continue;
		if (!best || hit.count > best.hit.count || (hit.count === best.hit.count && hit.first < best.hit.first)) best = { key, hit };
	}
	return best?.key;
};

/** The family mentioned first in the text: for mutually exclusive choices like time of day. */
export const earliestFamily = <K extends string>(text: string, families: Readonly<Record<K, KeywordSet>>): K | undefined => {
	let best: { key: K; first: number } | undefined;
	for (const key of Object.keys(families) as K[]) {
		const hit = findKeywords(text, families[key]);
		if (hit.count > 0 && (!best || hit.first < best.first)) best = { key, first: hit.first };
	}
	return best?.key;
};
