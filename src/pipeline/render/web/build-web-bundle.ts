import { build, stop } from 'esbuild';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../node/project-root';
import { webRendererPatchPlugin } from './web-renderer-patches';

const ENTRY = path.join(PROJECT_ROOT, 'src/web-render/web-render-entry.tsx');

let built: Promise<Uint8Array> | null = null;

/** Bundles the in-browser renderer once per process (about a second), in memory; returns the script. */
export const buildWebBundle = (): Promise<Uint8Array> => {
	built ??= (async () => {
		const result = await build({
			entryPoints: [ENTRY],
			bundle: true,
			write: false,
			format: 'iife',
			platform: 'browser',
			target: 'chrome120',
			jsx: 'automatic',
			minify: true,
			plugins: [webRendererPatchPlugin()],
			define: { 'process.env.NODE_ENV': '"production"' },
			logLevel: 'error',
		});
		// esbuild keeps a 100 MB service process alive otherwise
		await stop();
		const [script, ...extra] = result.outputFiles;
		if (!script || extra.length > 0)
			throw new Error(`bundling ${ENTRY} gave ${result.outputFiles.length} files instead of one script: keep CSS and other assets out of the web render entry`);
		return script.contents;
	})();
	built.catch(() => {
		built = null;
	});
	return built;
};
