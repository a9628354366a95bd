export type ByteRange = { readonly start: number; readonly end: number };

/**
 * The one byte range of an HTTP `Range` header over a file of `size` bytes (end inclusive): `null` when there
 * is no header or it is not a single byte range (the whole file is sent), `'unsatisfiable'` when it lies
 * outside the file. Media readers in the page (mediabunny) seek with these instead of streaming everything.
 */
export const parseByteRange = (header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null => {
	const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
	if (!match || (match[1] === '' && match[2] === '')) return null;
	if (match[1] === '') {
		const suffix = Number(match[2]);
		return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(match[1]);
	const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	return start >= size || end < start ? 'unsatisfiable' : { start, end };
};
