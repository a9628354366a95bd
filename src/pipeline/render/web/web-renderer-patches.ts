import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { PROJECT_ROOT } from '../../../node/project-root';
import { CANVAS_POOL_PATCHES } from './patches/canvas-pool';
import { READY_SIGNAL_PATCHES } from './patches/ready-signal';
import { STYLE_OVERRIDES_PATCHES } from './patches/style-overrides';
import { TEXT_MEASURE_PATCHES } from './patches/text-measure';
import type { WebRendererPatch } from './patches/web-renderer-patch';

/** The web renderer version these patches were written against; package.json pins it exactly. */
export const PATCHED_WEB_RENDERER_VERSION = '4.0.527';

/** What the patched source calls, by module under src/web-render/: `__reelsmith` + the export's name with a capital. */
const PATCH_IMPORTS: Readonly<Record<string, readonly string[]>> = {
	'layer-canvas-pool.ts': ['takeLayerCanvas', 'releaseLayerCanvas'],
	'render-ready-signal.ts': ['watchRenderReady', 'nextRenderReady'],
	'composer-style-overrides.ts': ['beginStyleOverrides', 'endStyleOverrides', 'overrideInlineStyle', 'originalInlineStyle'],
};

/** Every patch, in the order they are applied: each is an exact edit that must match once (patches/). */
export const WEB_RENDERER_PATCHES: readonly WebRendererPatch[] = [
	...CANVAS_POOL_PATCHES,
	...READY_SIGNAL_PATCHES,
	...STYLE_OVERRIDES_PATCHES,
	...TEXT_MEASURE_PATCHES,
];

/** `import { name as __reelsmithName, … } from "…/src/web-render/module.ts";` for each module the patches call. */
const patchImports = (): string =>
	Object.entries(PATCH_IMPORTS)
		.map(([module, names]) => {
			const bindings = names.map((name) => `${name} as __reelsmith${name[0]!.toUpperCase()}${name.slice(1)}`).join(', ');
			return `import { ${bindings} } from ${JSON.stringify(path.join(PROJECT_ROOT, 'src/web-render', module))};\n`;
		})
		.join('');

/** Applies every patch exactly once, or says which one no longer fits (after a version bump). */
export const applyWebRendererPatches = (source: string): string => {
	let patched = source;
	for (const patch of WEB_RENDERER_PATCHES) {
		const at = patched.indexOf(patch.find);
		if (at < 0 || patched.indexOf(patch.find, at + 1) >= 0) {
			throw new Error(
				`the @remotion/web-renderer patch "${patch.why}" no longer matches its source exactly once; ` +
					`it was written for ${PATCHED_WEB_RENDERER_VERSION}: update it in src/pipeline/render/web/patches/`,
			);
		}
		patched = patched.slice(0, at) + patch.replace + patched.slice(at + patch.find.length);
	}
	return patchImports() + patched;
};

/** esbuild plugin: patches @remotion/web-renderer's module as the page bundle is built. */
export const webRendererPatchPlugin = (): Plugin => ({
	name: 'reelsmith-web-renderer-patches',
	setup(build) {
		build.onLoad({ filter: /[\\/]@remotion[\\/]web-renderer[\\/]dist[\\/]esm[\\/]index\.mjs$/ }, async (args) => ({
			contents: applyWebRendererPatches(await readFile(args.path, 'utf8')),
			loader: 'js',
			resolveDir: path.dirname(args.path),
		}));
	},
});
