import { stat } from 'node:fs/promises';
import path from 'node:path';
import { readPackageRecord } from '../output/package-staging';
import { readSummary } from '../output/summary';
import type { PlatformName } from '../schema/platforms';
import type { Problem } from '../schema/problems';

const RENDER_AGAIN = 'run npm run render (or make) for it again, which finishes or redoes the package, then upload';

/**
 * Whether a package is the one its summary.json describes: the render key of its render.json and the size of
 * its video.mp4 must match the summary's entry for the platform. A package changed by hand, or left by a run
 * that stopped before writing the summary, is not uploaded.
 */
export const packageMismatch = async (platformDir: string, platform: PlatformName): Promise<Problem | null> => {
	const shown = path.relative(process.cwd(), platformDir) || '.';
	const summaryFile = path.join(path.dirname(platformDir), 'summary.json');
	const entry = (await readSummary(summaryFile))?.platforms?.[platform];
	if (!entry) return { path: '--package', message: `${path.relative(process.cwd(), summaryFile)} has no ${platform} render: ${RENDER_AGAIN}` };
	const record = await readPackageRecord(platformDir);
	if (!record) return { path: '--package', message: `${shown} has no readable render.json, so it cannot be matched with its summary: ${RENDER_AGAIN}` };
	if (record.renderKey !== entry.renderKey) {
		return {
			path: '--package',
			message: `${shown} holds a different render than summary.json describes (render key ${record.renderKey.slice(0, 12)}… vs ${String(entry.renderKey).slice(0, 12)}…): ${RENDER_AGAIN}`,
		};
	}
	const size = await stat(path.join(platformDir, 'video.mp4')).then(
		(s) => s.size,
		() => -1,
	);
	if (size !== entry.sizeBytes) {
		return {
			path: '--package',
			message: `${shown}/video.mp4 is ${size} bytes but summary.json says ${entry.sizeBytes}: the video was changed or is incomplete; ${RENDER_AGAIN}`,
		};
	}
	return null;
};
