import { runFfmpeg } from '../../node/run-ffmpeg';
import type { Loudness } from '../../output/render-record';

export type { Loudness };

export type LoudnessTarget = { readonly targetLufs: number; readonly truePeakDbtp: number };

/** Short-form platforms play at about −14 LUFS; −1 dBTP leaves room for their own AAC encode. */
export const PLATFORM_LOUDNESS: LoudnessTarget = { targetLufs: -14, truePeakDbtp: -1 };

/** AAC encoding after the loudness filter can lift true peak by a few tenths of a dB. */
const ENCODER_HEADROOM_DB = 0.5;
const MAX_LIMITER_ROUNDS = 4;
/** Below this the soundtrack is silence (or nearly): it is left as it is rather than raised to a roar of noise. */
const SILENCE_LUFS = -60;

/** ebur128 prints its summary last: integrated loudness, loudness range, true peak (`-inf` for silence). */
const SUMMARY =
	/Integrated loudness:\s*I:\s*(-?[\d.]+|-inf) LUFS[\s\S]*?Loudness range:\s*LRA:\s*(-?[\d.]+) LU[\s\S]*?True peak:\s*Peak:\s*(-?[\d.]+|-inf) dBFS/;

const decibels = (text: string) => (text === '-inf' ? -Infinity : Number(text));

const parseSummary = (stderr: string): Loudness => {
	const match = SUMMARY.exec(stderr.slice(stderr.lastIndexOf('Summary:')));
	if (!match) throw new Error(`ffmpeg ebur128 printed no loudness summary: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
	return { integratedLufs: decibels(match[1]!), lra: Number(match[2]), truePeakDbtp: decibels(match[3]!) };
};

/**
 * EBU R128 integrated loudness, range and true peak (4× oversampled) of a file's audio after `before`,
 * with ffmpeg's ebur128 filter: it only measures, so it runs about 3× faster than a loudnorm analysis pass.
 */
const analyse = async (file: string, before: readonly string[] = []): Promise<Loudness> =>
	parseSummary(await runFfmpeg(['-i', file, '-vn', '-af', [...before, 'ebur128=peak=true'].join(','), '-f', 'null', '-']));

/** Integrated loudness, true peak and loudness range of a file's audio (EBU R128, via ffmpeg ebur128). */
export const measureLoudness = (file: string): Promise<Loudness> => analyse(file);

/** How far one linear gain to the target would push true peak over the ceiling, dB (≤ 0: it fits). */
const peakExcess = (a: Loudness, targetLufs: number, ceilingDbtp: number) => a.truePeakDbtp + (targetLufs - a.integratedLufs) - ceilingDbtp;

/** Gain, then a look-ahead limiter at 4× the rate so that it catches peaks between samples as well. */
const limiterChain = (gainDb: number, ceilingDbtp: number): string[] => [
	`volume=${gainDb.toFixed(2)}dB`,
	'aresample=192000',
	`alimiter=limit=${(10 ** ((ceilingDbtp - 0.5) / 20)).toFixed(4)}:attack=5:release=80:level=0:latency=1`,
	'aresample=48000',
];

/** 48 kHz stereo always: a mono mix is spread to both channels, as players expect of a video's soundtrack. */
export const PLAIN_SOUNDTRACK: readonly string[] = ['aresample=48000', 'aformat=channel_layouts=stereo'];

/** The final soundtrack's AAC rate: the platforms re-encode anyway, and 192k keeps that second generation clean. */
export const FINAL_AAC_BITRATE = '192k';

/**
 * Filters that bring `file`'s audio to the target with one linear gain, measured from the file. Where the peaks
 * would not fit under the ceiling after that gain, limits them first, re-measuring each time; the last gain never
 * lifts true peak over the ceiling. Applied while encoding, they make the normalised soundtrack in the same pass.
 */
export const loudnessFilters = async (file: string, target: LoudnessTarget): Promise<readonly string[]> => {
	const ceiling = target.truePeakDbtp - ENCODER_HEADROOM_DB;
	let before: string[] = [];
	let a = await analyse(file);
	if (a.integratedLufs < SILENCE_LUFS) return PLAIN_SOUNDTRACK;
	let gainDb = 0;
	for (let round = 0; round < MAX_LIMITER_ROUNDS && peakExcess(a, target.targetLufs, ceiling) > 0; round++) {
		gainDb += target.targetLufs - a.integratedLufs;
		before = limiterChain(gainDb, ceiling);
		a = await analyse(file, before);
	}
	const finalGain = Math.min(target.targetLufs - a.integratedLufs, ceiling - a.truePeakDbtp);
	return [...before, `volume=${finalGain.toFixed(2)}dB`, ...PLAIN_SOUNDTRACK];
};

/** RMS level of a file's audio between two times, dBFS (about −91 for digital silence). */
export const rmsDb = async (file: string, fromMs: number, toMs: number): Promise<number> => {
	// ffmpeg arguments stay in option–value pairs
	// prettier-ignore
	const stderr = await runFfmpeg([
		'-ss', (fromMs / 1000).toFixed(3), '-t', ((toMs - fromMs) / 1000).toFixed(3), '-i', file,
		'-vn', '-af', 'volumedetect', '-f', 'null', '-',
	]);
	const match = /mean_volume:\s*(-?[\d.]+|-inf) dB/.exec(stderr);
	if (!match) throw new Error(`ffmpeg volumedetect printed no level for ${file}`);
	return match[1] === '-inf' ? -Infinity : Number(match[1]);
};
