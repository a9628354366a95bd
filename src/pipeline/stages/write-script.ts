import { readFile } from 'node:fs/promises';
import type { AssetCache, CachedAsset } from '../../cache/asset-cache';
import { cacheKey } from '../../cache/cache-key';
import type { ScriptProvider, ScriptRequest } from '../../providers/script/script-provider';
import { videoScriptSchema, type VideoScript } from '../../schema/video-script';
import type { StageStats } from '../assets/asset-events';

type ScriptMeta = { readonly notes: readonly string[]; readonly provider: string; readonly model: string };

const scriptKey = (provider: ScriptProvider, request: ScriptRequest) =>
	cacheKey({ stage: 'script', provider: provider.name, model: provider.model, input: request });

/**
 * The script and notes of a cached entry, or null (with a warning) when its file is not a valid script or its
 * metadata has no notes: a damaged or outdated entry is written again, never a crash.
 */
const readCachedScript = async (
	cache: AssetCache,
	key: string,
	hit: CachedAsset<ScriptMeta>,
): Promise<{ script: VideoScript; notes: readonly string[] } | null> => {
	const notes: unknown = hit.meta.notes;
	if (!Array.isArray(notes) || !notes.every((note) => typeof note === 'string')) {
		cache.warnCorrupt('script', key, 'its record has no notes');
		return null;
	}
	let json: unknown;
	try {
		json = JSON.parse(await readFile(hit.absolutePath, 'utf8'));
	} catch {
		cache.warnCorrupt('script', key, 'its file is not valid JSON');
		return null;
	}
	const parsed = videoScriptSchema.safeParse(json);
	if (!parsed.success) {
		cache.warnCorrupt('script', key, 'its file is not a valid script');
		return null;
	}
	return { script: parsed.data, notes };
};

/** The script an earlier run wrote for this request, without calling the provider (for `--dry-run`). */
export const findCachedScript = async (provider: ScriptProvider, request: ScriptRequest, cache: AssetCache): Promise<VideoScript | null> => {
	const key = scriptKey(provider, request);
	const hit = await cache.get<ScriptMeta>('script', key);
	return hit ? ((await readCachedScript(cache, key, hit))?.script ?? null) : null;
};

export type WrittenScript = { readonly script: VideoScript; readonly notes: readonly string[]; readonly stats: StageStats };

/** The script stage through the cache: the same article and options give the same script without a call. */
export const writeScript = async (provider: ScriptProvider, request: ScriptRequest, cache: AssetCache): Promise<WrittenScript> => {
	const started = performance.now();
	const key = scriptKey(provider, request);
	const hit = await cache.get<ScriptMeta>('script', key);
	const cached = hit ? await readCachedScript(cache, key, hit) : null;
	if (cached) return { ...cached, stats: { generated: 0, cached: 1, ms: Math.round(performance.now() - started) } };
	const { script, notes } = await provider.write(request);
	const data = new TextEncoder().encode(`${JSON.stringify(script, null, 2)}\n`);
	// what a later run will read back from the cache; a script that would not read back is not stored
	const stored = videoScriptSchema.parse(JSON.parse(new TextDecoder().decode(data)));
	await cache.put<ScriptMeta>('script', key, data, 'json', () => ({ notes, provider: provider.name, model: provider.model }));
	return {
		script: stored,
		notes,
		stats: { generated: 1, cached: 0, ms: Math.round(performance.now() - started) },
	};
};
