import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from './run-ffmpeg';

export type Loudness = {
	readonly integratedLufs: number;
	readonly truePeakDbtp: number;
	/** Loudness range, LU. */
	readonly lra: number;
};

export type LoudnessTarget = { readonly targetLufs: number; readonly truePeakDbtp: number };

/** Short-form platforms play at about −14 LUFS; −1 dBTP leaves room for their own AAC encode. */
export const PLATFORM_LOUDNESS: LoudnessTarget = { targetLufs: -14, truePeakDbtp: -1 };

/** Wide enough that speech over a bed never forces loudnorm out of linear mode on range alone. */
const LRA_TARGET = 20;

type Analysis = { input_i: string; input_tp: string; input_lra: string; input_thresh: string; target_offset: string };

const loudnormFilter = (target: LoudnessTarget, extra = '') =>
	`loudnorm=I=${target.targetLufs}:TP=${target.truePeakDbtp}:LRA=${LRA_TARGET}${extra}:print_format=json`;

/** loudnorm prints its figures as the last JSON object on stderr. */
const parseAnalysis = (stderr: string): Analysis => {
	const json = stderr.slice(stderr.lastIndexOf('{'), stderr.lastIndexOf('}') + 1);
	const parsed = JSON.parse(json) as Analysis;
	if (typeof parsed.input_i !== 'string') throw new Error(`ffmpeg loudnorm printed no measurement: ${json.slice(0, 200)}`);
	return parsed;
};

const analyse = async (file: string, target: LoudnessTarget): Promise<Analysis> =>
	parseAnalysis(await runFfmpeg(['-i', file, '-vn', '-af', loudnormFilter(target), '-f', 'null', '-']));

/** Integrated loudness, true peak and loudness range of a file's audio (EBU R128, via ffmpeg loudnorm). */
export const measureLoudness = async (file: string): Promise<Loudness> => {
	const a = await analyse(file, PLATFORM_LOUDNESS);
	return { integratedLufs: Number(a.input_i), truePeakDbtp: Number(a.input_tp), lra: Number(a.input_lra) };
};

/**
 * Two-pass loudnorm: measures, then applies one linear gain from those figures (loudnorm limits peaks
 * itself only where one gain cannot meet both targets). The video stream is copied untouched. Writes
 * next to the target and renames, so a failure never leaves a half-written file there.
 */
export const normalizeLoudness = async (inputMp4: string, outputMp4: string, target: LoudnessTarget = PLATFORM_LOUDNESS): Promise<Loudness> => {
	const a = await analyse(inputMp4, target);
	const measured = `:measured_I=${a.input_i}:measured_TP=${a.input_tp}:measured_LRA=${a.input_lra}:measured_thresh=${a.input_thresh}:offset=${a.target_offset}:linear=true`;
	await mkdir(path.dirname(outputMp4), { recursive: true });
	const partial = path.join(path.dirname(outputMp4), `.${path.basename(outputMp4)}.loudnorm.mp4`);
	try {
		await runFfmpeg([
			'-y', '-i', inputMp4,
			'-map', '0:v?', '-map', '0:a:0',
			'-c:v', 'copy',
			'-af', loudnormFilter(target, measured),
			// loudnorm works at 192 kHz; bring it back to what Remotion renders
			'-ar', '48000', '-c:a', 'aac', '-b:a', '192k',
			'-movflags', '+faststart',
			partial,
		]);
		await rename(partial, outputMp4);
	} finally {
		await rm(partial, { force: true });
	}
	return measureLoudness(outputMp4);
};

/** RMS level of a file's audio between two times, dBFS (about −91 for digital silence). */
export const rmsDb = async (file: string, fromMs: number, toMs: number): Promise<number> => {
	const stderr = await runFfmpeg([
		'-ss', (fromMs / 1000).toFixed(3), '-t', ((toMs - fromMs) / 1000).toFixed(3), '-i', file,
		'-vn', '-af', 'volumedetect', '-f', 'null', '-',
	]);
	const match = /mean_volume:\s*(-?[\d.]+|-inf) dB/.exec(stderr);
	if (!match) throw new Error(`ffmpeg volumedetect printed no level for ${file}`);
	return match[1] === '-inf' ? -Infinity : Number(match[1]);
};
