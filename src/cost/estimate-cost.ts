import { priceOf, type Price } from './price-table';

/** One provider's share of the work of a video, in the quantities prices are quoted in. */
export type Usage = {
	readonly stage: string;
	readonly provider: string;
	readonly model: string;
	readonly inputTokens?: number;
	readonly outputTokens?: number;
	readonly characters?: number;
	readonly minutes?: number;
	readonly images?: number;
	/** Input pictures the images were drawn from (characters' references), where the model bills them. */
	readonly referenceImages?: number;
};

export type CostItem = Usage & { readonly usd: number | null };

export type CostEstimate = {
	readonly totalUsd: number;
	readonly items: readonly CostItem[];
	/** Providers the price table does not know: their cost is not in the total. */
	readonly unpriced: readonly string[];
};

const costOf = (price: Price, usage: Usage): number => {
	switch (price.unit) {
		case 'free':
			return 0;
		case 'tokens':
			return ((usage.inputTokens ?? 0) * price.inputPerMillion + (usage.outputTokens ?? 0) * price.outputPerMillion) / 1e6;
		case 'characters':
			return ((usage.characters ?? 0) * price.perMillion) / 1e6;
		case 'minutes':
			return (usage.minutes ?? 0) * price.perMinute;
		case 'images':
			return (usage.images ?? 0) * price.perImage + (usage.referenceImages ?? 0) * (price.perReferenceImage ?? 0);
	}
};

const round = (usd: number) => Math.round(usd * 10_000) / 10_000;

/** Prices every usage from the one table; unknown models are listed, never guessed. */
export const estimateCost = (usages: readonly Usage[]): CostEstimate => {
	const items = usages.map((usage) => {
		const price = priceOf(usage.provider, usage.model);
		return { ...usage, usd: price ? round(costOf(price, usage)) : null };
	});
	return {
		totalUsd: round(items.reduce((sum, item) => sum + (item.usd ?? 0), 0)),
		items,
		unpriced: [...new Set(items.filter((i) => i.usd === null).map((i) => `${i.provider}/${i.model}`))],
	};
};

/** Rough token count: about one token per CJK character and per four Latin characters. */
export const estimateTokens = (text: string): number => {
	const cjk = text.match(/[\u3400-\u9fff\uf900-\ufaff]/gu)?.length ?? 0;
	return Math.ceil(cjk + (text.length - cjk) / 4);
};
