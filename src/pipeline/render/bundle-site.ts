import { bundle } from '@remotion/bundler';
import path from 'node:path';
import { makeOwnedTempDir } from '../../node/owned-temp-dir';
import { PROJECT_ROOT } from '../../node/project-root';
const ENTRY_POINT = path.join(PROJECT_ROOT, 'src/index.ts');

const bundles = new Map<string, Promise<string>>();

/**
 * Bundles the compositions once per process and public folder, into a temp folder this process owns (removed
 * when it exits, or on a signal). `publicDir` is where the props' asset paths live; it is linked, not copied,
 * so large caches cost nothing. A site that is uploaded (Lambda) copies it instead, because the upload does not
 * follow links.
 */
export const bundleSite = (publicDir: string = path.join(PROJECT_ROOT, 'public'), { copyPublicDir = false } = {}): Promise<string> => {
	const key = `${path.resolve(publicDir)}\0${copyPublicDir}`;
	let bundled = bundles.get(key);
	if (!bundled) {
		const outDir = makeOwnedTempDir('bundle');
		bundled = bundle({ entryPoint: ENTRY_POINT, publicDir, symlinkPublicDir: !copyPublicDir, enableCaching: true, outDir: outDir.path });
		bundled.catch(() => {
			bundles.delete(key);
			void outDir.remove();
		});
		bundles.set(key, bundled);
	}
	return bundled;
};
