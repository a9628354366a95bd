import path from 'node:path';
import type { CostEstimate } from '../../cost/estimate-cost';
import type { VideoPlan } from '../stages/plan-video';

const usd = (estimate: CostEstimate) =>
	`$${estimate.totalUsd.toFixed(3)}${estimate.unpriced.length > 0 ? ` (not priced: ${estimate.unpriced.join(', ')})` : ''}`;

/** The `--dry-run` report: where the video would go, what each scene needs, and what it would cost. */
export const formatPlan = (plan: VideoPlan): string =>
	[
		`plan: "${plan.title}" → ${path.relative(process.cwd(), plan.video)} (${plan.platform}, ${plan.scenes.length} scenes)`,
		`voice: ${plan.providers.voice}; storyboard: ${plan.providers.storyboard}`,
		`scene  voice     image     speech`,
		...plan.scenes.map((s) => `${String(s.sceneId).padEnd(7)}${s.voice.padEnd(10)}${s.image.padEnd(10)}${s.voiceSeconds.toFixed(1)} s`),
		...(plan.characters.length > 0 ? [`character sheets: ${plan.characters.map((c) => `${c.name} ${c.sheet}`).join(', ')}`] : []),
		`cost at list prices: this run ${usd(plan.runCost)}, whole video ${usd(plan.videoCost)}`,
		'nothing was generated or rendered (--dry-run)',
	].join('\n');
