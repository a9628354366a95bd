import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ffmpegBinary } from '../node/ffmpeg-binary';
import { MAX_SCENES, type VideoScriptInput } from '../schema/video-script';
import { TRANSITION_NAMES } from '../schema/transitions';

const execFileAsync = promisify(execFile);
/** Runs this machine's ffmpeg (found as every other ffmpeg run of ours finds it). */
const ffmpeg = (args: string[]) => execFileAsync(ffmpegBinary(), args, { windowsHide: true });

/** A bench minute: ten scenes of six seconds. */
export const BENCH_SCENES = 10;
export const BENCH_SCENE_SECONDS = 6;
/** The seed's baseline script reads scenes named 01…99 only. */
export const BASELINE_MAX_SCENES = 99;
/** A script has at most MAX_SCENES scenes, so the bench makes at most 30 minutes. */
export const BENCH_MAX_MINUTES = MAX_SCENES / BENCH_SCENES;

/** Scenes in a bench of `minutes`. */
export const benchSceneCount = (minutes: number) => Math.max(1, Math.round(minutes * BENCH_SCENES));

const NARRATION = [
	'清晨的城市慢慢醒来,街道上只有洒水车经过。',
	'A single line of light crosses the harbour before sunrise.',
	'第二步:把想法写下来,再删掉一半。',
	'Most good ideas look small on the first day.',
	'我们用 AI 生成分镜,用 Remotion 渲染视频。',
	'Each frame is drawn by a browser and encoded by x264.',
	'字幕逐字高亮,和声音保持同步。',
	'Transitions overlap scenes, but never the voice.',
	'最后,一条命令生成可以发布的视频。',
	'Thanks for watching, and see you tomorrow.',
];

const png = (dir: string, index: number) => path.join(dir, `${String(index + 1).padStart(2, '0')}.png`);
const wav = (dir: string, index: number) => path.join(dir, `${String(index + 1).padStart(2, '0')}.wav`);

/**
 * Deterministic scene media in the layout seed-ffmpeg-baseline.sh reads (NN.png + NN.wav): detailed
 * 1920×1080 images (a Mandelbrot region each, so the encoder has real work) and tones. `minutes` of them:
 * scene i follows recipe i mod 10 (its tone, narration and zoom), and its own region, so no two pictures are alike.
 */
export const makeBenchAssets = async (dir: string, { sceneSeconds = BENCH_SCENE_SECONDS, minutes = 1 } = {}) => {
	await mkdir(dir, { recursive: true });
	const scenes = benchSceneCount(minutes);
	for (let i = 0; i < scenes; i++) {
		const recipe = i % BENCH_SCENES;
		// later minutes move a hair from the first minute's regions: as detailed, never the same picture
		const x = -0.743643887 + recipe * 0.0004 + Math.floor(i / BENCH_SCENES) * 0.00001;
		// prettier-ignore
		await ffmpeg(['-v', 'error', '-y', '-f', 'lavfi', '-i',
			`mandelbrot=s=1920x1080:start_x=${x}:start_y=0.131825904:start_scale=${0.02 + recipe * 0.004}:end_scale=0.02:maxiter=160,format=rgb24`,
			'-frames:v', '1', png(dir, i)]);
		// prettier-ignore
		await ffmpeg(['-v', 'error', '-y', '-f', 'lavfi', '-i',
			`sine=frequency=${220 + recipe * 35}:duration=${sceneSeconds}`, '-ac', '1', '-ar', '48000', wav(dir, i)]);
	}
	const script: VideoScriptInput = {
		title: 'reelsmith bench',
		duration_target: scenes * sceneSeconds,
		style: 'informative',
		target_platform: 'bilibili',
		scenes: Array.from({ length: scenes }, (_, i) => ({
			scene_id: i + 1,
			narration: NARRATION[i % BENCH_SCENES]!,
			visual_description: `Bench scene ${i + 1}: a detailed fractal landscape in saturated colour.`,
			duration: sceneSeconds,
			text_overlay: `Scene ${i + 1}`,
			transition: TRANSITION_NAMES[i % TRANSITION_NAMES.length]!,
			image: path.basename(png(dir, i)),
			audio: path.basename(wav(dir, i)),
		})),
	};
	await writeFile(path.join(dir, 'script.json'), JSON.stringify(script, null, 2));
	return { script, sceneSeconds };
};
