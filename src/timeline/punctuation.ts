/** Chinese line breaking (kinsoku): no line starts with closing punctuation and none ends with opening punctuation. */
export const CLOSING_PUNCTUATION = '，。！？、；：」』）》〉】〕〗〙〛”’…—,.!?;:)]}%';
export const OPENING_PUNCTUATION = '「『（《〈【〔〖〘〚“‘([{';
export const SENTENCE_END = '。！？!?.…';

export const startsWithClosing = (text: string): boolean => CLOSING_PUNCTUATION.includes(text.trimStart()[0] ?? '');
export const endsWithOpening = (text: string): boolean => OPENING_PUNCTUATION.includes(text.trimEnd().at(-1) ?? '');
export const endsSentence = (text: string): boolean => {
	const trimmed = text.trimEnd().replace(/["'”’」』）)]+$/u, '');
	return SENTENCE_END.includes(trimmed.at(-1) ?? '');
};
