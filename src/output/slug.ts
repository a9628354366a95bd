import { fnv1a } from '../timeline/hash';

const MAX_CODE_POINTS = 60;
/** Names Windows refuses for a folder, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * A folder name from a title: deterministic, filesystem-safe on Linux, macOS and Windows, never empty.
 * Letters and digits of any script are kept, so "5个改变生活的AI工具" stays readable as "5个改变生活的ai工具".
 */
export const slugify = (title: string): string => {
	const slug = [
		...title
			.normalize('NFKC')
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
			.replace(/^-+|-+$/g, ''),
	]
		.slice(0, MAX_CODE_POINTS)
		.join('')
		.replace(/-+$/g, '');
	if (slug === '') return `video-${fnv1a(title).toString(16).padStart(8, '0')}`;
	return WINDOWS_RESERVED.test(slug) ? `${slug}-video` : slug;
};
