import { stat } from 'node:fs/promises';
import type { PlatformName } from '../schema/platforms';
import type { outputPaths } from './output-paths';
import { readSummary } from './summary';

const sizeOf = (file: string) =>
	stat(file).then(
		(s) => s.size,
		() => -1,
	);

/**
 * Whether the package in place is already the render of `renderKey`, so that rendering again would make the same
 * files: summary.json names that key for the platform, the video has the size recorded there, and the cover,
 * metadata and captions are there. Local renders and Lambda batches both ask here.
 */
export const packageIsCurrent = async (paths: ReturnType<typeof outputPaths>, platform: PlatformName, renderKey: string): Promise<boolean> => {
	const prior = (await readSummary(paths.summary))?.platforms[platform];
	if (prior?.renderKey !== renderKey || (await sizeOf(paths.video)) !== prior.sizeBytes) return false;
	return (await sizeOf(paths.cover)) > 0 && (await sizeOf(paths.metadata)) > 0 && (await sizeOf(paths.srt)) >= 0;
};
