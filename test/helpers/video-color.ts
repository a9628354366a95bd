import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The colour tags of a file's first video stream, as ffprobe names them. */
export type VideoColor = {
	readonly pix_fmt: string;
	readonly color_range: string;
	readonly color_space: string;
	readonly color_transfer: string;
	readonly color_primaries: string;
};

/** Reads the colour tags of the first video stream with ffprobe (installed by .ci/run). */
export const videoColor = async (file: string): Promise<VideoColor> => {
	// ffmpeg arguments stay in option–value pairs
	// prettier-ignore
	const { stdout } = await run('ffprobe', [
		'-v', 'error', '-select_streams', 'v:0',
		'-show_entries', 'stream=pix_fmt,color_range,color_space,color_transfer,color_primaries', '-of', 'json', file,
	]);
	const [stream] = (JSON.parse(stdout) as { streams: VideoColor[] }).streams;
	if (!stream) throw new Error(`${file} has no video stream`);
	const { pix_fmt, color_range, color_space, color_transfer, color_primaries } = stream;
	return { pix_fmt, color_range, color_space, color_transfer, color_primaries };
};

/** The stored luma sample (Y, 0–255, before any range conversion) at (x, y) of frame `frame`. */
export const lumaAt = async (file: string, frame: number, x: number, y: number): Promise<number> => {
	const { stdout } = await run(
		'ffmpeg',
		['-v', 'error', '-i', file, '-vf', `select=eq(n\\,${frame}),extractplanes=y,crop=1:1:${x}:${y}`, '-frames:v', '1', '-f', 'rawvideo', '-'],
		{
			encoding: 'buffer',
		},
	);
	if (stdout.length !== 1) throw new Error(`${file}: no luma sample at frame ${frame} (${x}, ${y})`);
	return stdout[0]!;
};
