import type { AssetEvent } from '../assets/asset-events';
import type { StageFigures } from '../stages/produce-video';

const STAGE_ORDER = ['script', 'voice', 'storyboard', 'render'] as const;

/** One line per finished asset, so long runs show which scene each stage is on. */
export const formatAssetEvent = (event: AssetEvent): string =>
	`${event.stage.padEnd(10)} [${String(event.done).padStart(String(event.total).length)}/${event.total}] ` +
	`${event.character !== undefined ? `character ${event.character}` : `scene ${event.sceneId}`} ${event.status} (${(event.ms / 1000).toFixed(1)} s)`;

/** The run's timeline: per stage, assets generated and cached, and wall time (voice and storyboard overlap). */
export const formatStageTable = (stages: StageFigures): string => {
	const rows = STAGE_ORDER.filter((name) => stages[name]).map((name) => {
		const s = stages[name]!;
		return `${name.padEnd(11)}${String(s.generated).padStart(9)}${String(s.cached).padStart(8)}${(s.ms / 1000).toFixed(1).padStart(9)} s`;
	});
	return [`stage        generated  cached     time`, ...rows].join('\n');
};
