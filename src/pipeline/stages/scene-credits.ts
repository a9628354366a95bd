import type { SceneCredit } from '../../publish/credits';
import type { SceneSources } from '../assets/resolve-assets';

/** The credits metadata.json owes: every scene whose picture or clip came from a stock library, in scene order. */
export const sceneCredits = (sources: ReadonlyMap<number, SceneSources>): SceneCredit[] =>
	[...sources.entries()].flatMap(([scene, { image }]) => {
		const credit = image && image !== 'supplied' ? image.credit : undefined;
		return credit ? [{ scene, text: credit.text, author: credit.author, authorUrl: credit.authorUrl, sourceUrl: credit.sourceUrl }] : [];
	});
