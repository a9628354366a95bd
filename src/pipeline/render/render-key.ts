import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VideoProps } from '../../schema/video-props';
import { PROJECT_ROOT } from './bundle-site';
import type { RenderSettings } from './render-settings';

/** Everything the browser draws from: a change in any of these files means a new render. */
const DRAWING_SOURCES = ['src/compositions', 'src/components', 'src/timeline', 'src/schema', 'src/Root.tsx', 'src/index.ts', 'package-lock.json'];

const filesUnder = async (entry: string): Promise<string[]> => {
	const absolute = path.join(PROJECT_ROOT, entry);
	const items = await readdir(absolute, { withFileTypes: true }).catch(() => null);
	if (!items) return [absolute];
	const nested = await Promise.all(items.map((item) => filesUnder(path.join(entry, item.name))));
	return nested.flat();
};

let codeFingerprint: Promise<string> | null = null;

const fingerprintCode = async (): Promise<string> => {
	const files = (await Promise.all(DRAWING_SOURCES.map(filesUnder))).flat().sort();
	const hash = createHash('sha256');
	for (const file of files) hash.update(path.relative(PROJECT_ROOT, file)).update(await readFile(file));
	return hash.digest('hex');
};

/**
 * Identifies a render by its props (which name the content-addressed assets), its settings and the drawing
 * code, so an unchanged video is not rendered twice.
 */
export const renderKey = async (props: VideoProps, settings: RenderSettings): Promise<string> => {
	codeFingerprint ??= fingerprintCode();
	return createHash('sha256')
		.update(await codeFingerprint)
		.update(JSON.stringify(settings))
		.update(JSON.stringify(props))
		.digest('hex');
};
