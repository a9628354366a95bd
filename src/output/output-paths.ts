import path from 'node:path';
import type { PlatformName } from '../schema/platforms';

/**
 * The package layout every run writes: DIR/<slug>/<platform>/video.mp4, DIR/<slug>/summary.json and
 * manifest.json; generated assets live in the shared cache DIR/.cache.
 */
export const outputPaths = (outDir: string, slug: string, platform: PlatformName) => {
	const videoDir = path.join(outDir, slug);
	return {
		videoDir,
		cache: path.join(outDir, '.cache'),
		summary: path.join(videoDir, 'summary.json'),
		manifest: path.join(videoDir, 'manifest.json'),
		script: path.join(videoDir, 'script.json'),
		platformDir: path.join(videoDir, platform),
		video: path.join(videoDir, platform, 'video.mp4'),
		props: path.join(videoDir, platform, 'props.json'),
		cover: path.join(videoDir, platform, 'cover.jpg'),
		srt: path.join(videoDir, platform, 'captions.srt'),
		vtt: path.join(videoDir, platform, 'captions.vtt'),
		metadata: path.join(videoDir, platform, 'metadata.json'),
	};
};
