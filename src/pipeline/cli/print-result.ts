import path from 'node:path';
import type { ProduceVideoResult } from '../stages/produce-video';
import { formatStageTable } from './stage-report';
import { formatMusicReport, type MusicReport } from '../stages/music-report';

/** What a finished run prints on stdout: where things are, the stage figures and the video's facts. */
export const formatResult = (result: ProduceVideoResult, wallMs: number): string => {
	const entry = result.summary.platforms[result.platform]!;
	const here = (file: string) => path.relative(process.cwd(), file);
	return [
		formatStageTable(result.stages),
		`video:   ${here(result.video)}${result.renderCached ? ' (unchanged, not rendered again)' : ''}`,
		`summary: ${here(result.summaryFile)}`,
		`${entry.width}x${entry.height} ${entry.fps} fps, ${entry.durationInFrames} frames, ${(entry.sizeBytes / 2 ** 20).toFixed(1)} MiB, ` +
			`rendered at ${entry.renderFps} fps; whole run ${(wallMs / 1000).toFixed(1)} s`,
		...(result.summary.music ? [formatMusicReport(result.summary.music as MusicReport)] : []),
	].join('\n');
};
