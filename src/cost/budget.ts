import type { Problem } from '../schema/problems';
import { estimateCost, type CostEstimate, type CostItem } from './estimate-cost';
import { priceOf } from './price-table';
import { chainMembers, mergeUsages } from './video-usages';

/** What a run may spend, in US dollars, and who set it. */
export type Budget = { readonly usd: number; readonly source: '--max-cost' | 'REELSMITH_MAX_COST' | 'default' };

/** The budget of a run that uses a paid provider (or Lambda) when neither the flag nor the variable sets one. */
export const DEFAULT_MAX_COST_USD = 5;
export const MAX_COST_FLAG = '--max-cost';
export const MAX_COST_ENV = 'REELSMITH_MAX_COST';

/** A plain amount of dollars: `5`, `0.25`, `.5`, `$2.50`. */
const DOLLARS = /^\$?(\d+(?:\.\d*)?|\.\d+)$/;

/**
 * `--max-cost USD`, else `REELSMITH_MAX_COST` (the flag wins; an empty variable is unset): null when neither is
 * given. Anything but a non-negative amount of dollars is a problem naming where it came from.
 */
export const parseMaxCost = (flag: string | undefined, env: string | undefined): { budget: Budget | null; problems: Problem[] } => {
	const given =
		flag !== undefined ? { value: flag, source: MAX_COST_FLAG } : env !== undefined && env.trim() !== '' ? { value: env, source: MAX_COST_ENV } : null;
	if (!given) return { budget: null, problems: [] };
	const match = DOLLARS.exec(given.value.trim());
	const usd = match ? Number(match[1]) : Number.NaN;
	if (!Number.isFinite(usd)) {
		const example = given.source === MAX_COST_FLAG ? '--max-cost 5' : `${MAX_COST_ENV}=5`;
		return {
			budget: null,
			problems: [{ path: given.source, message: `${JSON.stringify(given.value)} is not an amount of US dollars; give a number of 0 or more, e.g. ${example}` }],
		};
	}
	return { budget: { usd, source: given.source as Budget['source'] }, problems: [] };
};

/** A provider the price table calls free; an unknown one is not. A voice chain is free when every voice in it is. */
export const isFreeProvider = (provider: { readonly name: string; readonly model: string }): boolean =>
	chainMembers(provider).every((member) => priceOf(member.name, member.model)?.unit === 'free');

/**
 * The budget that applies: the one given, else the default when the run uses a paid provider (or renders on
 * Lambda), else none: offline runs are not limited unless asked.
 */
export const budgetFor = (
	given: Budget | null,
	providers: readonly ({ readonly name: string; readonly model: string } | null)[],
	paidAnyway = false,
): Budget | null => {
	if (given) return given;
	const paid = paidAnyway || providers.some((p) => p !== null && !isFreeProvider(p));
	return paid ? { usd: DEFAULT_MAX_COST_USD, source: 'default' } : null;
};

/** One video a run would make: what its assets cost (CostEstimate of what is still to make) and, on Lambda, its render. */
export type VideoCost = {
	/** Videos of one script share its script and voices. */
	readonly script: string;
	/** Videos of one script and aspect share its pictures. */
	readonly aspect: string;
	readonly cost: CostEstimate;
	readonly renderUsd?: number;
};

export type RunEstimate = {
	/** Script, voices and pictures still to make, each counted once. */
	readonly assets: CostEstimate;
	/** Renders on Lambda; 0 for local renders. */
	readonly renderUsd: number;
	readonly renders: number;
	readonly totalUsd: number;
};

const round = (usd: number) => Math.round(usd * 10_000) / 10_000;

/**
 * Adds up what a run's videos still need without counting a shared asset twice: the script and voices once per
 * script, the pictures once per script and aspect (9:16 and 16:9 are drawn separately), every render.
 */
export const runEstimate = (videos: readonly VideoCost[]): RunEstimate => {
	const scripts = new Set<string>();
	const drawn = new Set<string>();
	const items: CostItem[] = [];
	for (const video of videos) {
		const firstOfScript = !scripts.has(video.script);
		const firstOfAspect = !drawn.has(`${video.script}\u0000${video.aspect}`);
		scripts.add(video.script);
		drawn.add(`${video.script}\u0000${video.aspect}`);
		items.push(...video.cost.items.filter((item) => (item.stage === 'storyboard' ? firstOfAspect : firstOfScript)));
	}
	const assets = estimateCost(mergeUsages(items));
	const rendered = videos.filter((v) => v.renderUsd !== undefined);
	const renderUsd = round(rendered.reduce((sum, v) => sum + v.renderUsd!, 0));
	return { assets, renderUsd, renders: rendered.length, totalUsd: round(assets.totalUsd + renderUsd) };
};

/** Dollars readable at any size: `$5.00`, `$0.0535`, `$0.00005`. */
export const dollars = (usd: number): string =>
	usd === 0 ? '$0' : usd >= 1 ? `$${usd.toFixed(2)}` : usd >= 0.0001 ? `$${usd.toFixed(4)}` : `$${Number(usd.toPrecision(2))}`;

const STAGES = [
	{ stage: 'script', label: 'script' },
	{ stage: 'voice', label: 'voice' },
	{ stage: 'storyboard', label: 'images' },
] as const;

const quantity = (item: CostItem): string => {
	if (item.images !== undefined) return `${item.images} image${item.images === 1 ? '' : 's'}`;
	if (item.minutes !== undefined) return `${item.minutes.toFixed(1)} min`;
	if (item.characters !== undefined) return `${item.characters} characters`;
	return `~${(item.inputTokens ?? 0) + (item.outputTokens ?? 0)} tokens`;
};

/** The estimate per stage (script, voice, images and, on Lambda, render), one line each. */
export const stageLines = (estimate: RunEstimate): string[] => {
	const lines = STAGES.map(({ stage, label }) => {
		const items = estimate.assets.items.filter((i) => i.stage === stage);
		const usd = items.reduce((sum, i) => sum + (i.usd ?? 0), 0);
		const what = items.filter((i) => i.usd !== 0).map((i) => `${quantity(i)} ${i.provider} (${i.model})${i.usd === null ? ', not in the price table' : ''}`);
		return `${label.padEnd(7)} ${dollars(round(usd)).padStart(8)}${what.length > 0 ? `  ${what.join('; ')}` : '  nothing to pay for (free or cached)'}`;
	});
	if (estimate.renders > 0)
		lines.push(`${'render'.padEnd(7)} ${dollars(estimate.renderUsd).padStart(8)}  ${estimate.renders} video${estimate.renders === 1 ? '' : 's'} on AWS Lambda`);
	lines.push(`${'total'.padEnd(7)} ${dollars(estimate.totalUsd).padStart(8)}`);
	return lines;
};

const budgetName = (budget: Budget) =>
	budget.source === 'default'
		? `the default budget of ${dollars(budget.usd)} for runs with paid providers`
		: `the budget of ${dollars(budget.usd)} (${budget.source})`;

/** True when the run's estimate is within the budget. */
export const withinBudget = (estimate: RunEstimate, budget: Budget): boolean => estimate.totalUsd <= budget.usd;

/**
 * The refusal of a run over budget, as a problem under the flag (or variable) that set the budget: the estimate per
 * stage, the budget, and how to go on. Null when the run fits.
 */
export const budgetProblem = (estimate: RunEstimate, budget: Budget, after?: string): Problem | null => {
	if (withinBudget(estimate, budget)) return null;
	const unpriced = estimate.assets.unpriced.length > 0 ? [`not counted (not in the price table): ${estimate.assets.unpriced.join(', ')}`] : [];
	return {
		path: budget.source === 'default' ? MAX_COST_FLAG : budget.source,
		message: [
			`${after ? `with ${after}, this run` : 'this run'} would cost about ${dollars(estimate.totalUsd)} at list prices, more than ${budgetName(budget)}; ` +
				(after ? 'no voice, image or video was made' : 'nothing was generated, rendered or written'),
			...stageLines(estimate).map((line) => `    ${line}`),
			...unpriced.map((line) => `    ${line}`),
			`    to go on: raise the budget (--max-cost USD or ${MAX_COST_ENV}), or use cached assets or offline providers ` +
				'(--llm offline, --tts espeak or edge, --images procedural); --dry-run shows the plan per scene',
		].join('\n'),
	};
};

/** The line a run within its budget prints. */
export const budgetNote = (estimate: RunEstimate, budget: Budget, after?: string): string =>
	`budget: ${after ? `with ${after}, this run` : 'this run'} ≈ ${dollars(estimate.totalUsd)} of ${budgetName(budget)}` +
	(estimate.assets.unpriced.length > 0 ? ` (not counted, not in the price table: ${estimate.assets.unpriced.join(', ')})` : '');
