import { writeThroughPartial } from '../../node/write-through-partial';
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

type Analysis = { input_i: string; input_tp: string; input_lra: string; input_thresh: string };

/** AAC encoding after the loudness filter can lift true peak by a few tenths of a dB. */
const ENCODER_HEADROOM_DB = 0.5;
const MAX_LIMITER_ROUNDS = 4;

const loudnormFilter = (targetLufs: number, peakDbtp: number, extra = '') =>
	`loudnorm=I=${targetLufs}:TP=${peakDbtp}:LRA=${LRA_TARGET}${extra}:print_format=json`;

/** loudnorm prints its figures as the last JSON object on stderr. */
const parseAnalysis = (stderr: string): Analysis => {
	const json = stderr.slice(stderr.lastIndexOf('{'), stderr.lastIndexOf('}') + 1);
	const parsed = JSON.parse(json) as Analysis;
	if (typeof parsed.input_i !== 'string') throw new Error(`ffmpeg loudnorm printed no measurement: ${json.slice(0, 200)}`);
	return parsed;
};

const analyse = async (file: string, before: readonly string[] = []): Promise<Analysis> =>
	parseAnalysis(await runFfmpeg(['-i', file, '-vn', '-af', [...before, loudnormFilter(-14, -1)].join(','), '-f', 'null', '-']));

const toLoudness = (a: Analysis): Loudness => ({ integratedLufs: Number(a.input_i), truePeakDbtp: Number(a.input_tp), lra: Number(a.input_lra) });

/** Integrated loudness, true peak and loudness range of a file's audio (EBU R128, via ffmpeg loudnorm). */
export const measureLoudness = async (file: string): Promise<Loudness> => toLoudness(await analyse(file));

/** How far one linear gain to the target would push true peak over the ceiling, dB (≤ 0: it fits). */
const peakExcess = (a: Analysis, targetLufs: number, ceilingDbtp: number) => Number(a.input_tp) + (targetLufs - Number(a.input_i)) - ceilingDbtp;

/** Gain, then a look-ahead limiter at 4× the rate so that it catches peaks between samples as well. */
const limiterChain = (gainDb: number, ceilingDbtp: number): string[] => [
	`volume=${gainDb.toFixed(2)}dB`,
	'aresample=192000',
	`alimiter=limit=${(10 ** ((ceilingDbtp - 0.5) / 20)).toFixed(4)}:attack=5:release=80:level=0:latency=1`,
	'aresample=48000',
];

/** The final soundtrack's AAC rate: the platforms re-encode anyway, and 192k keeps that second generation clean. */
export const FINAL_AAC_BITRATE = '192k';

/**
 * Filters that bring `file`'s audio to the target with one linear gain (loudnorm linear=true), measured
 * from the file. Where the peaks would not fit under the ceiling after that gain, limits them first,
 * re-measuring each time. Applied while encoding, they make the normalised soundtrack in the same pass.
 */
export const loudnessFilters = async (file: string, target: LoudnessTarget): Promise<string[]> => {
	const ceiling = target.truePeakDbtp - ENCODER_HEADROOM_DB;
	let before: string[] = [];
	let a = await analyse(file);
	let gainDb = 0;
	for (let round = 0; round < MAX_LIMITER_ROUNDS && peakExcess(a, target.targetLufs, ceiling) > 0; round++) {
		gainDb += target.targetLufs - Number(a.input_i);
		before = limiterChain(gainDb, ceiling);
		a = await analyse(file, before);
	}
	const measured = `:measured_I=${a.input_i}:measured_TP=${a.input_tp}:measured_LRA=${a.input_lra}:measured_thresh=${a.input_thresh}:linear=true`;
	// under 3 s loudnorm measures no range (LRA 0) and then leaves its output layout unset, which the encoder refuses
	return [...before, loudnormFilter(target.targetLufs, ceiling, measured), 'aresample=48000', 'aformat=channel_layouts=stereo'];
};

/**
 * Two-pass loudnorm: measures, then applies one linear gain from those figures, limiting peaks first
 * only where that gain would push them over the ceiling. The video stream is copied untouched. Writes
 * next to the target and renames, so a failure never leaves a half-written file there.
 */
export const normalizeLoudness = async (inputMp4: string, outputMp4: string, target: LoudnessTarget = PLATFORM_LOUDNESS): Promise<Loudness> => {
	const filters = await loudnessFilters(inputMp4, target);
	await writeThroughPartial(
		outputMp4,
		(partial) =>
			runFfmpeg([
				'-y', '-i', inputMp4,
				'-map', '0:v?', '-map', '0:a:0',
				'-c:v', 'copy',
				'-af', filters.join(','),
				'-c:a', 'aac', '-b:a', FINAL_AAC_BITRATE,
				'-movflags', '+faststart',
				'-f', 'mp4', partial,
			]),
		'loudnorm',
	);
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
