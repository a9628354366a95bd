import { estimateCost, type Usage } from '../../cost/estimate-cost';
import { characterUsages, mergeUsages, sceneUsages, type SceneWork } from '../../cost/video-usages';
import type { VideoProps } from '../../schema/video-props';
import type { VideoScript } from '../../schema/video-script';
import { sheetsFor, type CharacterSheet } from '../assets/character-stage';
import type { SceneSources } from '../assets/resolve-assets';

export type ScriptWork = { readonly usage: Usage; readonly generated: boolean };

const providerOf = (source: SceneSources['voice'] | SceneSources['image'], onlyGenerated: boolean) =>
	source && source !== 'supplied' && (!onlyGenerated || source.generated) ? { provider: source.provider, model: source.model } : null;

/**
 * summary.json `cost`: what the whole video costs at list prices (every asset, cached or not), and what
 * this run spent (only assets a provider made now).
 */
export const costReport = (
	script: VideoScript,
	props: VideoProps,
	sources: ReadonlyMap<number, SceneSources>,
	scriptWork?: ScriptWork,
	characters: ReadonlyMap<string, CharacterSheet> = new Map(),
) => {
	// the character sheets (a supplied reference costs nothing), and the pictures each scene was drawn from
	const sheets = (onlyGenerated: boolean) =>
		characterUsages(
			[...characters.values()].flatMap(({ source }) =>
				source !== 'supplied' && (!onlyGenerated || source.generated) ? [{ provider: source.asset.meta.provider, model: source.asset.meta.model }] : [],
			),
		);
	const work = (onlyGenerated: boolean): SceneWork[] =>
		script.scenes.map((scene, index) => {
			const audio = props.scenes[index]!.audio;
			return {
				narration: scene.narration,
				voiceSeconds: audio ? audio.durationInFrames / props.fps : 0,
				voice: providerOf(sources.get(scene.scene_id)?.voice ?? null, onlyGenerated),
				image: providerOf(sources.get(scene.scene_id)?.image ?? null, onlyGenerated),
				references: sheetsFor(scene, script, characters).length,
			};
		});
	const video = estimateCost(mergeUsages([...(scriptWork ? [scriptWork.usage] : []), ...sheets(false), ...sceneUsages(work(false))]));
	const run = estimateCost(mergeUsages([...(scriptWork?.generated ? [scriptWork.usage] : []), ...sheets(true), ...sceneUsages(work(true))]));
	return { video_usd: video.totalUsd, this_run_usd: run.totalUsd, items: video.items, unpriced: video.unpriced };
};
