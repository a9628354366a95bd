import { readFile } from 'node:fs/promises';
import type { AssetCache } from '../../cache/asset-cache';
import { cacheKey } from '../../cache/cache-key';
import type { ScriptProvider, ScriptRequest } from '../../providers/script/script-provider';
import { videoScriptSchema, type VideoScript } from '../../schema/video-script';
import type { StageStats } from '../assets/asset-events';
import { cachedOrGenerate } from '../assets/cached-or-generate';

type ScriptMeta = { readonly notes: readonly string[]; readonly provider: string; readonly model: string };

const scriptKey = (provider: ScriptProvider, request: ScriptRequest) =>
	cacheKey({ stage: 'script', provider: provider.name, model: provider.model, input: request });

/** The script an earlier run wrote for this request, without calling the provider (for `--dry-run`). */
export const findCachedScript = async (provider: ScriptProvider, request: ScriptRequest, cache: AssetCache): Promise<VideoScript | null> => {
	const hit = await cache.get<ScriptMeta>('script', scriptKey(provider, request));
	return hit ? videoScriptSchema.parse(JSON.parse(await readFile(hit.absolutePath, 'utf8'))) : null;
};

/** The script stage through the cache: the same article and options give the same script without a call. */
export const writeScript = async (
	provider: ScriptProvider,
	request: ScriptRequest,
	cache: AssetCache,
): Promise<{ script: VideoScript; notes: readonly string[]; stats: StageStats }> => {
	const started = performance.now();
	const key = scriptKey(provider, request);
	const made: { notes?: readonly string[] } = {};
	const { asset, cached } = await cachedOrGenerate<ScriptMeta>(
		cache,
		'script',
		key,
		async () => {
			const { script, notes } = await provider.write(request);
			made.notes = notes;
			return { data: new TextEncoder().encode(`${JSON.stringify(script, null, 2)}\n`), extension: 'json' };
		},
		() => ({ notes: made.notes ?? [], provider: provider.name, model: provider.model }),
	);
	const script = videoScriptSchema.parse(JSON.parse(await readFile(asset.absolutePath, 'utf8')));
	return {
		script,
		notes: asset.meta.notes,
		stats: { generated: cached ? 0 : 1, cached: cached ? 1 : 0, ms: Math.round(performance.now() - started) },
	};
};
