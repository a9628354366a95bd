import { bundle } from '@remotion/bundler';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ENTRY_POINT = path.join(PROJECT_ROOT, 'src/index.ts');

/**
 * Bundles the compositions once per run. `publicDir` is where the props' asset paths live;
 * it is linked, not copied, so large caches cost nothing.
 */
export const bundleSite = async (publicDir: string = path.join(PROJECT_ROOT, 'public')): Promise<string> =>
	bundle({ entryPoint: ENTRY_POINT, publicDir, symlinkPublicDir: true, enableCaching: true });
