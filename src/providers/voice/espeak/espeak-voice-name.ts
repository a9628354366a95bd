/**
 * eSpeak voice names to try, in order, for a request: the voice it names, else one for its BCP 47
 * language. Chinese means Mandarin (Cantonese for Hong Kong and Macau) and English means US English;
 * other languages try the full tag, then the primary one, as eSpeak names its voices that way.
 */
export const espeakVoiceCandidates = (language: string, voice?: string): string[] => {
	const named = voice?.trim();
	if (named) return [named];
	const tag = language.trim().toLowerCase().replaceAll('_', '-');
	const [primary = '', ...subtags] = tag.split('-');
	if (primary === 'yue' || ((primary === 'zh' || primary === 'cmn') && subtags.some((s) => ['yue', 'hk', 'mo'].includes(s)))) return ['yue'];
	if (primary === 'zh' || primary === 'cmn') return ['cmn'];
	if (primary === 'en') return subtags.includes('gb') ? ['gmw/en'] : ['en-us'];
	return [...new Set([tag, primary])].filter((name) => name !== '');
};
