import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VideoProps } from '../../schema/video-props';
import { PROJECT_ROOT } from '../../node/project-root';
import { resolveBrowserExecutable } from './browser-executable';
import { browserVersion } from './browser-version';
import type { RenderSettings } from './render-settings';
import { portableRelative } from '../../node/portable-path';

/**
 * Everything a video is made from besides its props: what the browser draws (compositions, components,
 * timeline), the engines that draw, encode, join and normalise it (the web renderer page and its patches,
 * the screenshot engine, the audio stages) and the locked package versions. A change in any of these files
 * means a new render.
 */
const DRAWING_SOURCES = [
	'src/compositions',
	'src/components',
	'src/timeline',
	'src/schema',
	'src/web-render',
	'src/pipeline/render',
	'src/pipeline/audio',
	'src/Root.tsx',
	'src/index.ts',
	'package-lock.json',
];

const filesUnder = async (root: string, entry: string): Promise<string[]> => {
	const absolute = path.join(root, entry);
	const items = await readdir(absolute, { withFileTypes: true }).catch(() => null);
	if (!items) return [absolute];
	const nested = await Promise.all(items.map((item) => filesUnder(root, path.join(entry, item.name))));
	return nested.flat();
};

/** A hash of every file the render is made from (DRAWING_SOURCES under `root`), names and contents. */
export const fingerprintSources = async (root: string = PROJECT_ROOT): Promise<string> => {
	const files = (await Promise.all(DRAWING_SOURCES.map((entry) => filesUnder(root, entry)))).flat().sort();
	const hash = createHash('sha256');
	for (const file of files) hash.update(portableRelative(root, file)).update(await readFile(file).catch(() => Buffer.from('(missing)')));
	return hash.digest('hex');
};

let codeFingerprint: Promise<string> | null = null;

/**
 * Identifies a render by its props (which name the content-addressed assets), its settings, the code that
 * draws and encodes it and the browser's version, so an unchanged video is not rendered twice and a changed
 * one never reuses stale chunks.
 */
export const renderKey = async (props: VideoProps, settings: RenderSettings): Promise<string> => {
	codeFingerprint ??= fingerprintSources();
	return createHash('sha256')
		.update(await codeFingerprint)
		.update(await browserVersion(resolveBrowserExecutable()))
		.update(JSON.stringify(settings))
		.update(JSON.stringify(props))
		.digest('hex');
};
