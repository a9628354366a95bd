import type { AssetCache, CachedAsset } from '../../cache/asset-cache';

export type Generated = { readonly data: Uint8Array; readonly extension: string };

/** Returns the cached asset under `key`, or generates, stores and returns it. */
export const cachedOrGenerate = async <Meta>(
	cache: AssetCache,
	stage: string,
	key: string,
	generate: () => Promise<Generated>,
	describe: (absolutePath: string) => Promise<Meta> | Meta,
): Promise<{ asset: CachedAsset<Meta>; cached: boolean }> => {
	const hit = await cache.get<Meta>(stage, key);
	if (hit) return { asset: hit, cached: true };
	const { data, extension } = await generate();
	return { asset: await cache.put(stage, key, data, extension, describe), cached: false };
};
