import { build, stop } from 'esbuild';
import { mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../bundle-site';
import { webRendererPatchPlugin } from './web-renderer-patches';

const ENTRY = path.join(PROJECT_ROOT, 'src/web-render/web-render-entry.tsx');

/**
 * The web renderer's own mediabunny (it pins one) is where @mediabunny/aac-encoder must register,
 * so every import of mediabunny in the page resolves to that copy, not to the project's newer one.
 */
const webRendererMediabunny = (): Record<string, string> => {
	const nested = path.join(PROJECT_ROOT, 'node_modules/@remotion/web-renderer/node_modules/mediabunny');
	return existsSync(nested) ? { mediabunny: nested } : {};
};

let built: Promise<string> | null = null;

/** Bundles the in-browser renderer once per process (about a second) into a temp folder; returns the file. */
export const buildWebBundle = (): Promise<string> => {
	built ??= (async () => {
		const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-web-'));
		const outfile = path.join(dir, 'bundle.js');
		await build({
			entryPoints: [ENTRY],
			bundle: true,
			outfile,
			format: 'iife',
			platform: 'browser',
			target: 'chrome120',
			jsx: 'automatic',
			minify: true,
			alias: webRendererMediabunny(),
			plugins: [webRendererPatchPlugin()],
			define: { 'process.env.NODE_ENV': '"production"' },
			logLevel: 'error',
		});
		// esbuild keeps a 100 MB service process alive otherwise
		await stop();
		return outfile;
	})();
	built.catch(() => {
		built = null;
	});
	return built;
};
