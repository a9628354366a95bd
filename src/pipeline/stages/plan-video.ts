import { AssetCache } from '../../cache/asset-cache';
import { estimateCost, type CostEstimate } from '../../cost/estimate-cost';
import { characterUsages, mergeUsages, sceneUsages } from '../../cost/video-usages';
import { PROJECT_ROOT } from '../../node/project-root';
import { charactersIn } from '../../providers/storyboard/image-prompt';
import { characterReference } from '../../schema/characters';
import type { StoryboardProvider } from '../../providers/storyboard/storyboard-provider';
import type { VoiceProvider } from '../../providers/voice/voice-provider';
import type { PlatformName } from '../../schema/platforms';
import { videoTarget } from '../../props/video-target';
import type { VideoScript } from '../../schema/video-script';
import { estimateSpeechMs } from '../../timeline/estimate-captions';
import { checkCharacterReferences } from '../assets/character-references';
import { charactersToDraw, findCharacterSheets, sheetsFor } from '../assets/character-stage';
import { characterTakeFor, readManifest, takeFor } from '../assets/manifest';
import { wantsCharacterRedo, wantsRedo, type RedoRequest } from '../assets/redo';
import { drawingOf, imageKey, storyboardSize } from '../assets/storyboard-stage';
import { voiceKey, type VoiceMeta } from '../assets/voice-stage';
import { outputPaths } from '../../output/output-paths';
import { slugify } from '../../output/slug';
import type { ScriptWork } from './cost-report';

export type AssetStatus = 'supplied' | 'cached' | 'generate' | 'none';

export type VideoPlan = {
	readonly title: string;
	readonly video: string;
	readonly platform: PlatformName;
	readonly scenes: readonly { readonly sceneId: number; readonly voice: AssetStatus; readonly image: AssetStatus; readonly voiceSeconds: number }[];
	/** The character pictures the drawn scenes need: supplied, a cached sheet, or a sheet to generate. */
	readonly characters: readonly { readonly name: string; readonly sheet: AssetStatus }[];
	readonly providers: { readonly voice: string; readonly storyboard: string };
	/** Every asset at list prices, and only what this run would make. */
	readonly videoCost: CostEstimate;
	readonly runCost: CostEstimate;
};

export type PlanVideoOptions = {
	readonly script: VideoScript;
	readonly outDir: string;
	readonly platform?: PlatformName;
	readonly voice: VoiceProvider | null;
	readonly storyboard: StoryboardProvider | null;
	readonly redo?: readonly RedoRequest[];
	readonly scriptWork?: ScriptWork;
	/** Where the characters' `reference` paths are relative to; without it, scenes naming such a character count as new. */
	readonly scriptFile?: string;
};

const label = (provider: { name: string; model: string } | null) => (provider ? `${provider.name} (${provider.model})` : 'none');

/** What a run would do, looked up in the cache without calling any provider: `--dry-run`. */
export const planVideo = async (options: PlanVideoOptions): Promise<VideoPlan> => {
	const { script, voice, storyboard } = options;
	const platform = options.platform ?? script.target_platform;
	const paths = outputPaths(options.outDir, slugify(script.title), platform);
	const cache = new AssetCache(paths.cache);
	const manifest = await readManifest(paths.manifest);
	const target = videoTarget(script, platform);
	const language = target.language;
	const size = storyboardSize(target.size);
	const take = (id: number, kind: 'voice' | 'image') => takeFor(manifest, id, kind, wantsRedo(options.redo ?? [], id, kind));

	// the characters' pictures first: a scene naming one whose sheet is still to be made is new too
	const drawnScenes = script.scenes.filter((s) => !s.image && !s.video);
	const named = storyboard?.takesReferences ? charactersToDraw(script, drawnScenes) : [];
	const supplied = named.length > 0 && options.scriptFile ? await checkCharacterReferences(script, options.scriptFile, PROJECT_ROOT) : new Map();
	const sheets =
		storyboard && named.length > 0
			? await findCharacterSheets({
					script,
					scenes: drawnScenes,
					provider: storyboard,
					cache,
					supplied,
					takeOf: (name) => characterTakeFor(manifest, name, wantsCharacterRedo(options.redo ?? [], name)),
				})
			: new Map();
	const characters = named.map((name): { name: string; sheet: AssetStatus } => ({
		name,
		sheet: characterReference(script.characters![name]!) ? 'supplied' : sheets.get(name) ? 'cached' : 'generate',
	}));

	const scenes = await Promise.all(
		script.scenes.map(async (scene) => {
			let voiceStatus: AssetStatus = scene.audio ? 'supplied' : voice && scene.narration.trim() !== '' ? 'generate' : 'none';
			let voiceSeconds = estimateSpeechMs(scene.narration, language) / 1000;
			if (voiceStatus === 'generate' && voice) {
				const request = { text: scene.narration, language, ...(script.voice ? { voice: script.voice } : {}), take: take(scene.scene_id, 'voice') };
				const hit = await cache.get<VoiceMeta>('voice', voiceKey(voice, request));
				if (hit) {
					voiceStatus = 'cached';
					voiceSeconds = hit.meta.durationMs / 1000;
				}
			}
			let imageStatus: AssetStatus = scene.image || scene.video ? 'supplied' : storyboard ? 'generate' : 'none';
			const references = imageStatus === 'generate' ? charactersIn(scene, script).filter((name) => named.includes(name)).length : 0;
			// a scene naming a character whose sheet is still to be made is drawn anew
			const sheetsReady = charactersIn(scene, script).every((name) => !named.includes(name) || sheets.get(name));
			if (imageStatus === 'generate' && storyboard && sheetsReady) {
				const key = imageKey(
					storyboard,
					drawingOf(scene, script, size, storyboard.sceneInputs),
					take(scene.scene_id, 'image'),
					sheetsFor(scene, script, sheets),
				);
				if (await cache.get('image', key)) imageStatus = 'cached';
			}
			return { sceneId: scene.scene_id, voice: voiceStatus, image: imageStatus, voiceSeconds, narration: scene.narration, references };
		}),
	);
	const usages = (only: (status: AssetStatus) => boolean) =>
		sceneUsages(
			scenes.map((s) => ({
				narration: s.narration,
				voiceSeconds: s.voiceSeconds,
				voice: voice && only(s.voice) ? { provider: voice.name, model: voice.model } : null,
				image: storyboard && only(s.image) ? { provider: storyboard.name, model: storyboard.model } : null,
				references: s.references,
			})),
		);
	const sheetUsages = (only: (status: AssetStatus) => boolean) =>
		storyboard ? characterUsages(characters.filter((c) => only(c.sheet)).map(() => ({ provider: storyboard.name, model: storyboard.model }))) : [];
	const script_ = options.scriptWork;
	return {
		title: script.title,
		video: paths.video,
		platform,
		scenes: scenes.map(({ narration: _, references: __, ...rest }) => rest),
		characters,
		providers: { voice: label(voice), storyboard: label(storyboard) },
		videoCost: estimateCost(
			mergeUsages([
				...(script_ ? [script_.usage] : []),
				...sheetUsages((s) => s === 'generate' || s === 'cached'),
				...usages((s) => s === 'generate' || s === 'cached'),
			]),
		),
		runCost: estimateCost(
			mergeUsages([...(script_?.generated ? [script_.usage] : []), ...sheetUsages((s) => s === 'generate'), ...usages((s) => s === 'generate')]),
		),
	};
};
