import type { PlatformName } from '../schema/platforms';
import type { VideoProps } from '../schema/video-props';
import { fnv1a } from '../timeline/hash';

/** A rendered video as the Studio shows it: the exact props its render used, under a readable composition id. */
export type MadeVideo = {
	readonly id: string;
	readonly slug: string;
	readonly platform: PlatformName;
	/** Where the Studio's Render button writes, relative to the output folder, without the extension. */
	readonly outName: string;
	readonly props: VideoProps;
};

/** What the Studio launcher hands to the Studio's bundle (a JSON module, see studio-webpack.ts). */
export type StudioCatalogue = { readonly videos: readonly MadeVideo[] };

/** Remotion accepts only these in a composition id (remotion's validate-composition-id). */
const UNSAFE_IN_ID = /[^a-zA-Z0-9\u4E00-\u9FFF-]+/g;

/**
 * A composition id from a video's slug and platform: the slug itself where Remotion accepts it
 * ("5个改变生活的ai工具-douyin"); otherwise its accepted characters and a hash of the slug, so two slugs never share one.
 */
export const madeVideoCompositionId = (slug: string, platform: PlatformName): string => {
	const safe = slug.replace(UNSAFE_IN_ID, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
	if (safe === slug) return `${slug}-${platform}`;
	return `${safe === '' ? 'video' : safe}-${fnv1a(slug).toString(16).padStart(8, '0')}-${platform}`;
};

/** The Studio's renders go beside the package, never into it: a later render swaps the platform folder whole. */
export const studioRenderName = (slug: string, platform: PlatformName): string => `${slug}/studio-${platform}`;
