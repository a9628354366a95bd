import type { SceneScript } from '../../schema/video-script';
import type { AssetEvent, AssetStage, StageStats } from './asset-events';
import { mapLimited } from './map-limited';

export type SceneStageInput<R> = {
	readonly stage: AssetStage;
	/** Named in the error when a scene's asset cannot be made. */
	readonly provider: { readonly name: string; readonly model: string };
	readonly scenes: readonly SceneScript[];
	readonly concurrency: number;
	readonly onEvent?: (event: AssetEvent) => void;
	/** Makes or finds one scene's asset; `cached` says which. */
	readonly resolve: (scene: SceneScript) => Promise<{ readonly value: R; readonly cached: boolean }>;
};

/** Runs one asset stage over its scenes with bounded parallelism, counting and reporting each scene. */
export const runSceneStage = async <R>(input: SceneStageInput<R>): Promise<{ results: Map<number, R>; stats: StageStats }> => {
	const started = performance.now();
	const stats: StageStats = { generated: 0, cached: 0, ms: 0 };
	const results = new Map<number, R>();
	let done = 0;
	await mapLimited(input.scenes, input.concurrency, async (scene) => {
		const sceneStarted = performance.now();
		const { value, cached } = await input.resolve(scene).catch((error: unknown) => {
			throw new Error(
				`${input.stage} of scene ${scene.scene_id} failed with ${input.provider.name} (${input.provider.model}); ` +
					`${stats.generated + stats.cached} finished assets are kept in the cache for the next run`,
				{ cause: error },
			);
		});
		stats[cached ? 'cached' : 'generated']++;
		results.set(scene.scene_id, value);
		input.onEvent?.({
			stage: input.stage,
			sceneId: scene.scene_id,
			status: cached ? 'cached' : 'generated',
			done: ++done,
			total: input.scenes.length,
			ms: performance.now() - sceneStarted,
		});
	});
	stats.ms = Math.round(performance.now() - started);
	return { results, stats };
};
