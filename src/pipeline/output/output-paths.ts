import path from 'node:path';
import type { PlatformName } from '../../schema/platforms';

/** The package layout every render writes: DIR/<slug>/<platform>/video.mp4 and DIR/<slug>/summary.json. */
export const outputPaths = (outDir: string, slug: string, platform: PlatformName) => {
	const videoDir = path.join(outDir, slug);
	return {
		videoDir,
		summary: path.join(videoDir, 'summary.json'),
		platformDir: path.join(videoDir, platform),
		video: path.join(videoDir, platform, 'video.mp4'),
	};
};
