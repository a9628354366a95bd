import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Grey levels per frame in a clip made by makeFrameIndexClip: frame N is grey N × STEP. */
export const GREY_STEP = 5;

/**
 * A clip whose frame N is flat grey N × GREY_STEP (so a rendered frame tells which source frame it shows), with a
 * steady `toneHz` sine as its sound. H.264 in MP4, as a phone or a stock site gives.
 */
export const makeFrameIndexClip = async (file: string, opts: { width: number; height: number; frames: number; fps: number; toneHz: number }): Promise<void> => {
	const seconds = opts.frames / opts.fps;
	if ((opts.frames - 1) * GREY_STEP > 255) throw new Error(`a frame-index clip holds at most ${Math.floor(255 / GREY_STEP) + 1} frames`);
	// prettier-ignore
	await run('ffmpeg', [
		'-v', 'error', '-y',
		'-f', 'lavfi', '-i', `color=black:s=${opts.width}x${opts.height}:r=${opts.fps}:d=${seconds}`,
		'-f', 'lavfi', '-i', `sine=f=${opts.toneHz}:r=48000:d=${seconds}`,
		'-vf', `geq=lum='N*${GREY_STEP}':cb=128:cr=128,format=yuv420p`,
		'-color_range', 'pc', '-c:v', 'libx264', '-crf', '10', '-g', '15', '-c:a', 'aac', '-shortest', file,
	]);
};

/** The mean grey (0–255, full range) of a 40×40 patch centred at (x, y) of frame `frame`. */
export const greyAt = async (file: string, frame: number, x: number, y: number): Promise<number> => {
	const { stdout } = await run(
		'ffmpeg',
		[
			'-v',
			'error',
			'-i',
			file,
			'-vf',
			`select=eq(n\\,${frame}),crop=40:40:${x - 20}:${y - 20},scale=1:1:flags=area,format=gray`,
			'-frames:v',
			'1',
			'-f',
			'rawvideo',
			'-',
		],
		{ encoding: 'buffer' },
	);
	if (stdout.length !== 1) throw new Error(`${file}: no frame ${frame}`);
	return stdout[0]!;
};

/** Energy of the band around `hz` in the soundtrack between two times, in dB (RMS, full scale). */
export const bandLevelDb = async (file: string, hz: number, fromS: number, toS: number): Promise<number> => {
	const { stderr } = await run('ffmpeg', [
		'-v',
		'info',
		'-ss',
		String(fromS),
		'-to',
		String(toS),
		'-i',
		file,
		'-vn',
		'-af',
		`bandpass=f=${hz}:width_type=q:w=8,astats=measure_perchannel=none:measure_overall=RMS_level`,
		'-f',
		'null',
		'-',
	]);
	const match = /RMS level dB: (-?[\d.]+|-inf)/.exec(stderr);
	if (!match) throw new Error(`no RMS level for ${file}`);
	return match[1] === '-inf' ? -Infinity : Number(match[1]);
};

/** The mean colour of a 20×20 patch centred at (x, y) of an image file. */
export const rgbAt = async (file: string, x: number, y: number): Promise<[number, number, number]> => {
	const { stdout } = await run(
		'ffmpeg',
		['-v', 'error', '-i', file, '-vf', `crop=20:20:${x - 10}:${y - 10},scale=1:1:flags=area,format=rgb24`, '-f', 'rawvideo', '-'],
		{
			encoding: 'buffer',
		},
	);
	if (stdout.length !== 3) throw new Error(`${file}: no pixel at (${x}, ${y})`);
	return [stdout[0]!, stdout[1]!, stdout[2]!];
};
