export type AssetStage = 'voice' | 'storyboard';

export type AssetStatus = 'generated' | 'cached' | 'supplied';

/** One scene's asset is ready; `done` of `total` in its stage. */
export type AssetEvent = {
	readonly stage: AssetStage;
	readonly sceneId: number;
	/** Set for a character's picture (storyboard stage, before the scenes; `sceneId` 0): whose it is. */
	readonly character?: string;
	readonly status: AssetStatus;
	readonly done: number;
	readonly total: number;
	readonly ms: number;
};

/** summary.json `stages.<stage>`: assets made by a provider, assets found in the cache, wall time. */
export type StageStats = { generated: number; cached: number; ms: number };

export const emptyStats = (): StageStats => ({ generated: 0, cached: 0, ms: 0 });
