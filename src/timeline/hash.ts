/** FNV-1a, 32 bit: a stable small hash for deterministic choices (not for cache keys). */
export const fnv1a = (text: string): number => {
	let hash = 0x811c9dc5;
	for (const char of text) {
		hash ^= char.codePointAt(0) ?? 0;
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
};
