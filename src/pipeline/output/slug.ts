import { fnv1a } from '../../timeline/hash';

const MAX_CODE_POINTS = 60;

/**
 * A folder name from a title: deterministic, filesystem-safe on Linux, macOS and Windows, never empty.
 * Letters and digits of any script are kept, so "5个改变生活的AI工具" stays readable as "5个改变生活的ai工具".
 */
export const slugify = (title: string): string => {
	const slug = [
		...title
			.normalize('NFKC')
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-+|-+$/g, ''),
	]
		.slice(0, MAX_CODE_POINTS)
		.join('')
		.replace(/-+$/g, '');
	return slug === '' ? `video-${fnv1a(title).toString(16).padStart(8, '0')}` : slug;
};
