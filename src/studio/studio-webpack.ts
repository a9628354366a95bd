import path from 'node:path';
import type { WebpackOverrideFn } from '@remotion/bundler';

/** The module name the Studio's root imports its list of made videos from. */
export const CATALOGUE_MODULE = 'reelsmith-studio-catalogue';

/** The Studio's entry point, relative to the project root. */
export const STUDIO_ENTRY = 'src/studio/index.ts';

/** With no launcher (plain `npx remotion studio src/studio/index.ts`), the Studio shows only the examples. */
export const NO_MADE_VIDEOS = 'src/studio/no-made-videos.json';

/**
 * Points the catalogue module at a JSON file: the same override for `npm run studio` (remotion.config.ts) and
 * for any other bundle of the Studio's entry (the still-vs-video test), so both show the same compositions.
 */
export const studioWebpackOverride =
	(catalogueFile: string): WebpackOverrideFn =>
	(config) => ({
		...config,
		resolve: {
			...config.resolve,
			alias: { ...(config.resolve?.alias as Record<string, string> | undefined), [CATALOGUE_MODULE]: path.resolve(catalogueFile) },
		},
	});
