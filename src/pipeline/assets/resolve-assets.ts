import path from 'node:path';
import type { AssetCache } from '../../cache/asset-cache';
import type { SceneAssets } from '../../props/build-props';
import type { Credit, StoryboardProvider } from '../../providers/storyboard/storyboard-provider';
import type { VoiceProvider } from '../../providers/voice/voice-provider';
import type { Size } from '../../schema/platforms';
import type { VideoScript } from '../../schema/video-script';
import { resolveSuppliedAssets } from './supplied-assets';
import { emptyStats, type AssetEvent, type StageStats } from './asset-events';
import { readManifest, takeFor, writeManifest, type AssetKind, type Manifest, type ManifestEntry } from './manifest';
import { wantsRedo, type RedoRequest } from './redo';
import { runStoryboardStage } from './storyboard-stage';
import { checkCharacterReferences } from './character-references';
import { runCharacters, sheetEntries, type CharacterSheet } from './character-stage';
import { runVoiceStage } from './voice-stage';
import { portableRelative } from '../../node/portable-path';

export type ResolveAssetsInput = {
	readonly script: VideoScript;
	/** Where supplied `image`/`audio` paths are relative to. */
	readonly scriptFile: string;
	readonly projectRoot: string;
	readonly language: string;
	readonly outputSize: Size;
	readonly cache: AssetCache;
	readonly manifestFile: string;
	readonly voice: VoiceProvider | null;
	readonly storyboard: StoryboardProvider | null;
	readonly redo: readonly RedoRequest[];
	readonly concurrency: { readonly voice: number; readonly storyboard: number };
	readonly onEvent?: (event: AssetEvent) => void;
};

/** Per scene, for summary.json: where its voice and image came from. */
export type SceneSources = {
	readonly voice: { provider: string; model: string; timing: string; take: number; generated: boolean } | 'supplied' | null;
	readonly image: { provider: string; model: string; take: number; generated: boolean; kind?: 'video'; credit?: Credit } | 'supplied' | null;
};

export type ResolvedAssets = {
	readonly assets: Map<number, SceneAssets>;
	readonly sources: Map<number, SceneSources>;
	readonly stages: { readonly voice: StageStats; readonly storyboard: StageStats };
	/** The picture each drawn character's scenes were drawn from (none when the provider takes no references). */
	readonly characters: ReadonlyMap<string, CharacterSheet>;
};

/**
 * Supplied files first (validated), then voice and storyboard concurrently for every scene still missing
 * one, each through the content-addressed cache. The manifest records which asset and take each scene uses.
 */
export const resolveAssets = async (input: ResolveAssetsInput): Promise<ResolvedAssets> => {
	const { script, cache } = input;
	const supplied = await resolveSuppliedAssets(script, input.scriptFile, input.projectRoot, cache.root);
	const references = await checkCharacterReferences(script, input.scriptFile, input.projectRoot);
	const manifest = await readManifest(input.manifestFile);
	const takeOf = (kind: AssetKind) => (sceneId: number) => takeFor(manifest, sceneId, kind, wantsRedo(input.redo, sceneId, kind));
	const needsVoice = script.scenes.filter((s) => !supplied.get(s.scene_id)?.audio);
	const needsImage = new Set(script.scenes.filter((s) => !supplied.get(s.scene_id)?.image && !supplied.get(s.scene_id)?.video).map((s) => s.scene_id));

	// the characters' pictures first: every scene naming one is drawn from it
	const storyboard = input.storyboard;
	const [voiced, illustrated] = await Promise.all([
		input.voice
			? runVoiceStage({
					scenes: needsVoice,
					language: input.language,
					...(script.voice ? { voice: script.voice } : {}),
					provider: input.voice,
					cache,
					takeOf: takeOf('voice'),
					concurrency: input.concurrency.voice,
					...(input.onEvent ? { onEvent: input.onEvent } : {}),
				})
			: null,
		storyboard
			? runCharacters({
					script,
					scenes: script.scenes.filter((s) => needsImage.has(s.scene_id)),
					provider: storyboard,
					cache,
					supplied: references,
					manifest,
					redo: input.redo,
					concurrency: input.concurrency.storyboard,
					...(input.onEvent ? { onEvent: input.onEvent } : {}),
				}).then(async ({ sheets }) => ({
					sheets,
					...(await runStoryboardStage({
						sheets,
						script,
						sceneIds: needsImage,
						outputSize: input.outputSize,
						provider: storyboard,
						cache,
						takeOf: takeOf('image'),
						concurrency: input.concurrency.storyboard,
						...(input.onEvent ? { onEvent: input.onEvent } : {}),
					})),
				}))
			: null,
	]);

	const assets = new Map<number, SceneAssets>();
	const sources = new Map<number, SceneSources>();
	const entries: Manifest['scenes'] = {};
	for (const scene of script.scenes) {
		const id = scene.scene_id;
		const own = supplied.get(id) ?? {};
		const voice = voiced?.voiced.get(id);
		const image = illustrated?.illustrated.get(id);
		const audio = own.audio ?? (voice ? { src: voice.asset.file, durationMs: voice.asset.meta.durationMs } : undefined);
		const captions =
			voice && !own.audio
				? voice.asset.meta.words.map((w) => ({ text: w.text, startMs: w.startMs, endMs: w.endMs, timestampMs: w.startMs, confidence: null }))
				: undefined;
		const meta = image?.asset.meta;
		// a stock clip plays instead of a picture; the renderer loops it when the scene outlasts it
		const clip =
			!own.image && image && meta?.kind === 'video' && meta.durationMs !== undefined
				? { src: image.asset.file, durationMs: meta.durationMs, width: meta.width, height: meta.height }
				: undefined;
		const picture = own.image ?? (image && !clip ? { src: image.asset.file } : undefined);
		assets.set(id, {
			...(picture ? { image: picture } : {}),
			...(own.video ? { video: own.video } : clip ? { video: clip } : {}),
			...(audio ? { audio } : {}),
			...(captions ? { captions } : {}),
		});
		sources.set(id, {
			voice: own.audio
				? 'supplied'
				: voice
					? { provider: voice.asset.meta.provider, model: voice.asset.meta.model, timing: voice.asset.meta.timing, take: voice.take, generated: !voice.cached }
					: null,
			image:
				own.image || own.video
					? 'supplied'
					: image
						? {
								provider: image.asset.meta.provider,
								model: image.asset.meta.model,
								take: image.take,
								generated: !image.cached,
								...(clip ? { kind: 'video' as const } : {}),
								...(image.asset.meta.credit ? { credit: image.asset.meta.credit } : {}),
							}
						: null,
		});
		const entry = (asset: { key: string; file: string; meta: { provider: string; model: string } }, take: number): ManifestEntry => ({
			key: asset.key,
			file: asset.file,
			provider: asset.meta.provider,
			model: asset.meta.model,
			take,
		});
		entries[String(id)] = {
			...(voice ? { voice: entry(voice.asset, voice.take) } : {}),
			...(image ? { image: entry(image.asset, image.take) } : {}),
		};
	}
	const characters = sheetEntries(illustrated?.sheets ?? new Map());
	await writeManifest(input.manifestFile, {
		cache: portableRelative(path.dirname(input.manifestFile), cache.root),
		scenes: entries,
		...(Object.keys(characters).length > 0 ? { characters } : {}),
	});
	return {
		assets,
		sources,
		stages: { voice: voiced?.stats ?? emptyStats(), storyboard: illustrated?.stats ?? emptyStats() },
		characters: illustrated?.sheets ?? new Map(),
	};
};
