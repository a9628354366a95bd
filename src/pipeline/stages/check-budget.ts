import { budgetFor, budgetNote, budgetProblem, MAX_COST_ENV, parseMaxCost, runEstimate, type Budget, type RunEstimate } from '../../cost/budget';
import type { StoryboardProvider } from '../../providers/storyboard/storyboard-provider';
import type { VoiceProvider } from '../../providers/voice/voice-provider';
import { aspectFor, type PlatformName } from '../../schema/platforms';
import type { VideoScript } from '../../schema/video-script';
import { parseRedo, type RedoRequest } from '../assets/redo';
import { InputError } from '../../schema/input-error';
import { loadScript } from '../load-script';
import type { ScriptWork } from './cost-report';
import { planVideo } from './plan-video';

/**
 * The budget a run may spend (`--max-cost`, `REELSMITH_MAX_COST`, or the default for paid providers), checked
 * before any provider call and before any file is written, against the same plan `--dry-run` prints: what is
 * cached costs nothing.
 */

/** `--max-cost` or `REELSMITH_MAX_COST`, validated; null when neither is given. */
export const maxCostFrom = (flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Budget | null => {
	const { budget, problems } = parseMaxCost(flag, env[MAX_COST_ENV]);
	if (problems.length > 0) throw new InputError('arguments', problems);
	return budget;
};

export type RemainingCostOptions = {
	readonly script: VideoScript;
	/** What writing the script costs (counted when `generated`). */
	readonly scriptWork?: ScriptWork;
	/** Every platform the run renders, in order. */
	readonly platforms: readonly PlatformName[];
	readonly outDir: string;
	readonly voice: VoiceProvider | null;
	readonly storyboard: StoryboardProvider | null;
	readonly redo?: readonly RedoRequest[];
};

/**
 * What a local run still has to pay for, across its platforms: the dry-run plan of each platform, with voices
 * counted once and pictures once per aspect. A redo's new take reaches every aspect, so each plan gets it.
 */
export const remainingCost = async (options: RemainingCostOptions): Promise<RunEstimate> => {
	const videos = [];
	for (const platform of options.platforms) {
		const plan = await planVideo({ ...options, platform, redo: options.redo ?? [] });
		videos.push({ script: 'script', aspect: aspectFor(options.script, platform), cost: plan.runCost });
	}
	return runEstimate(videos);
};

/** Refuses (exit 2, before anything is made) a run whose estimate is over its budget; reports one that fits. */
export const enforceBudget = (budget: Budget, estimate: RunEstimate, report?: (line: string) => void, after?: string): void => {
	const problem = budgetProblem(estimate, budget, after);
	if (problem) throw new InputError('budget', [problem]);
	report?.(budgetNote(estimate, budget, after));
};

type Providers = { readonly voice: VoiceProvider | null; readonly storyboard: StoryboardProvider | null };

/** `npm run render`: every platform asked for, from the script file, before any voice, image or frame. */
export const checkRenderBudget = async (
	maxCost: Budget | null,
	options: Providers & {
		readonly scriptFile: string;
		readonly outDir: string;
		readonly platforms: readonly (PlatformName | undefined)[];
		readonly redo?: readonly string[];
	},
	report?: (line: string) => void,
): Promise<void> => {
	const budget = budgetFor(maxCost, [options.voice, options.storyboard]);
	if (!budget) return;
	const script = await loadScript(options.scriptFile);
	const { requests } = parseRedo(options.redo ?? [], script);
	const platforms = options.platforms.map((p) => p ?? script.target_platform);
	enforceBudget(budget, await remainingCost({ ...options, script, platforms, redo: requests }), report);
};

/** `npm run make`: the budget against what a script (written, cached or a stand-in sized from --duration) still needs. */
export const checkScriptBudget = async (budget: Budget, options: RemainingCostOptions, report?: (line: string) => void, after?: string): Promise<void> =>
	enforceBudget(budget, await remainingCost(options), report, after);
