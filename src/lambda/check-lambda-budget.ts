import { budgetFor, runEstimate, type Budget } from '../cost/budget';
import { enforceBudget } from '../pipeline/stages/check-budget';
import { planLambdaBatch, type PlanLambdaBatchOptions } from './dry-run';

/**
 * `npm run lambda:render`: the voices and pictures still to make (shared ones once) plus every render on Lambda,
 * from the dry-run plan, before any upload or render call. Lambda is paid, so the default budget always applies.
 * A video Lambda would keep unchanged is still counted: the estimate errs on the safe side.
 */
export const checkLambdaBudget = async (maxCost: Budget | null, options: PlanLambdaBatchOptions, report?: (line: string) => void): Promise<void> => {
	const budget = budgetFor(maxCost, [options.voice, options.storyboard], true)!;
	const plan = await planLambdaBatch(options);
	const estimate = runEstimate(
		plan.videos.map((v) => ({ script: v.scriptFile, aspect: `${v.width}x${v.height}`, cost: v.assetCost, renderUsd: v.estimate.usd })),
	);
	enforceBudget(budget, estimate, report);
};
