import { bundle } from '@remotion/bundler';
import path from 'node:path';
import { PROJECT_ROOT } from '../pipeline/render/bundle-site';

/**
 * The site Lambda renders from: the compositions and the project's own public/ (fonts, the default bed's
 * licence). Assets never go in the site; they reach Lambda as URLs (upload-assets.ts). public/ is copied,
 * not linked as for local renders, because the site upload does not follow links.
 */
export const bundleLambdaSite = (): Promise<string> =>
	bundle({ entryPoint: path.join(PROJECT_ROOT, 'src/index.ts'), publicDir: path.join(PROJECT_ROOT, 'public'), symlinkPublicDir: false, enableCaching: true });
