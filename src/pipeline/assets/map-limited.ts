/**
 * Runs `work` over the items with at most `limit` at a time; results keep the items' order.
 * After the first failure no new item starts, and that failure is thrown once the running ones settle.
 */
export const mapLimited = async <T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> => {
	const results = new Array<R>(items.length);
	let next = 0;
	let failure: { error: unknown } | null = null;
	const lane = async () => {
		while (next < items.length && !failure) {
			const index = next++;
			try {
				results[index] = await work(items[index]!, index);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
	if (failure) throw (failure as { error: unknown }).error;
	return results;
};
