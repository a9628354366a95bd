const clip = (text: string, maxChars: number) => {
	const chars = [...text];
	return chars.length <= maxChars
		? text
		: `${chars
				.slice(0, maxChars)
				.join('')
				.replace(/[\s\p{P}]+$/u, '')}…`;
};

const isChinese = (locale: string) => locale.toLowerCase().startsWith('zh');

/**
 * An image prompt from the scene's own sentences: the key phrase as the subject, the first sentence as
 * context, and framing that leaves room for captions. Always at least the seed's 30 characters.
 */
export const describeScene = (keyPhrase: string, sentences: readonly string[], style: string, locale: string): string => {
	const context = clip(sentences[0] ?? keyPhrase, isChinese(locale) ? 60 : 160).replace(/[。！？.!?]+$/u, '');
	return isChinese(locale)
		? `画面主体：${keyPhrase}。场景：${context}。${style}风格插画，构图简洁，主体居中偏上，柔和光线，下方留出字幕空间，画面中不出现文字。`
		: `Editorial illustration of ${keyPhrase}: ${context}. ${style} mood, clean composition with the subject in the upper middle, soft light, calm space at the bottom for captions, no text in the image.`;
};
