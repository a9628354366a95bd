import { bundle } from '@remotion/bundler';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ENTRY_POINT = path.join(PROJECT_ROOT, 'src/index.ts');

/**
 * Bundles the compositions once per run. `publicDir` is where the props' asset paths live;
 * it is linked, not copied, so large caches cost nothing. A site that is uploaded (Lambda) copies it instead,
 * because the upload does not follow links.
 */
export const bundleSite = async (publicDir: string = path.join(PROJECT_ROOT, 'public'), { copyPublicDir = false } = {}): Promise<string> =>
	bundle({ entryPoint: ENTRY_POINT, publicDir, symlinkPublicDir: !copyPublicDir, enableCaching: true });
