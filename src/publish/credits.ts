import type { PlatformName } from '../schema/platforms';

/** One scene's stock footage or photo, credited as its library asks (Pexels: "Video by NAME on Pexels", with links). */
export type SceneCredit = {
	readonly scene: number;
	readonly text: string;
	readonly author: string;
	readonly authorUrl: string;
	readonly sourceUrl: string;
};

/**
 * How long each platform's description may be, in characters: YouTube's is 5,000; Bilibili's 简介 2,000;
 * Douyin's caption is taken as 1,000, the shortest of the three. Credits that would pass it are left out of the
 * description (they stay in `credits`).
 */
export const DESCRIPTION_LIMITS: Readonly<Record<PlatformName, number>> = { youtube: 5000, bilibili: 2000, douyin: 1000 };

/** YouTube refuses angle brackets in a description; a name could hold one. */
const plain = (text: string) => text.replace(/[<>]/g, '');

const creditLine = (credit: SceneCredit) => plain(`${credit.text}: ${credit.sourceUrl}`);

/**
 * The description with a credits paragraph after it: one line per clip or photo, the same line once when scenes
 * share it, as many as fit the platform's limit.
 */
export const withCredits = (description: string, credits: readonly SceneCredit[], platform: PlatformName): string => {
	const limit = DESCRIPTION_LIMITS[platform];
	const lines = [...new Set(credits.map(creditLine))];
	let text = description;
	let opened = false;
	for (const line of lines) {
		const next = opened ? `${text}\n${line}` : [text, line].filter(Boolean).join('\n\n');
		if ([...next].length > limit) break;
		text = next;
		opened = true;
	}
	return text;
};
