export type Article = {
	/** The first heading, when the article has one. */
	readonly title: string | null;
	/** Plain-text paragraphs in order, markup removed. */
	readonly paragraphs: readonly string[];
};

const inlineMarkup = (line: string): string =>
	line
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/(\*\*|__|\*|_|~~|`)(.+?)\1/g, '$2')
		.replace(/\s+/g, ' ')
		.trim();

/** Markdown or plain text → title and paragraphs; code blocks, tables, images and link targets are dropped. */
export const readArticle = (text: string): Article => {
	let title: string | null = null;
	const paragraphs: string[] = [];
	let current: string[] = [];
	let inCode = false;
	const flush = () => {
		const paragraph = current.join(/[\u4e00-\u9fff]$/u.test(current[0] ?? '') ? '' : ' ').trim();
		if (paragraph !== '') paragraphs.push(paragraph);
		current = [];
	};
	for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
		if (/^\s*(```|~~~)/.test(raw)) {
			inCode = !inCode;
			flush();
			continue;
		}
		if (inCode || /^\s*\|/.test(raw) || /^\s*([-*_]\s*){3,}$/.test(raw)) continue;
		const heading = /^\s*#{1,6}\s+(.*)$/.exec(raw);
		if (heading) {
			flush();
			const text = inlineMarkup(heading[1]!.replace(/#+\s*$/, ''));
			if (title === null && text !== '') title = text;
			continue;
		}
		const line = inlineMarkup(raw.replace(/^\s*(>\s*)+/, '').replace(/^\s*([-*+]|\d+[.)])\s+/, ''));
		if (line === '') flush();
		else current.push(line);
	}
	flush();
	return { title, paragraphs };
};
