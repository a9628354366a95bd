import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentName, stashFile } from '../../node/stash-by-content';
import type { SceneAssets, SceneClip } from '../../props/build-props';
import type { Problem } from '../../schema/problems';
import { MAX_CLIP_SECONDS, type VideoScript } from '../../schema/video-script';
import { InputError } from '../../schema/input-error';
import { IMAGE_EXTENSIONS, readImageHeader } from '../media/image-dimensions';
import { checkClip } from '../media/check-clip';
import { probeMedia } from '../media/probe-media';

/** Far above any video's frame (3840×2160 at most) and below what decodes into gigabytes of pixels. */
export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_PIXELS = 40_000_000;

const megapixels = (pixels: number) => `${Math.round(pixels / 1e5) / 10} megapixels`;

/** Format and size from the header alone: a 40000×40000 PNG is a few bytes on disk and gigabytes decoded. */
export const checkImage = (given: string, bytes: Buffer): { ext: string } | { problem: string } => {
	const header = readImageHeader(bytes);
	if (!header) return { problem: `${given} is not a PNG, JPEG or WebP image; export it as one of those` };
	const name = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP' }[header.format];
	if (!header.ok) return { problem: `${given} is not a valid ${name} image (${header.reason}); export it again as PNG, JPEG or WebP` };
	const { width, height } = header;
	if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
		return {
			problem:
				`${given} is ${width}×${height} px (${megapixels(width * height)}), more than the ${MAX_IMAGE_SIDE} px a side and ` +
				`${megapixels(MAX_IMAGE_PIXELS)} an image may have; resize it to at most ${MAX_IMAGE_SIDE} px a side and ` +
				`${megapixels(MAX_IMAGE_PIXELS)} (the video's own size, such as 1920×1080, is enough)`,
		};
	}
	return { ext: IMAGE_EXTENSIONS[header.format] };
};

const isInside = (file: string, folder: string) => {
	const relative = path.relative(folder, file);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

export const SUPPLIED_DIR = 'supplied';

/** Far above any scene's image or voice; stops a device file or a video from being read into memory. */
const MAX_ASSET_BYTES = 512 * 2 ** 20;

export type Located = { ok: true; file: string; bytes: Buffer } | { ok: false; problem: Problem };

export const locate = async (given: string, field: string, roots: readonly string[]): Promise<Located> => {
	const scriptDir = roots[0]!;
	const resolved = path.resolve(scriptDir, given);
	let file: string;
	try {
		file = await realpath(resolved);
	} catch {
		return { ok: false, problem: { path: field, message: `file ${given} not found (looked at ${resolved}); fix the path, relative to the script` } };
	}
	if (!roots.some((root) => isInside(file, root))) {
		return { ok: false, problem: { path: field, message: `${given} lies outside the script's folder and the project; move the file next to the script` } };
	}
	const facts = await stat(file);
	if (!facts.isFile()) {
		return {
			ok: false,
			problem: { path: field, message: `${given} is ${facts.isDirectory() ? 'a folder' : 'not a regular file'}; give the path of an image or audio file` },
		};
	}
	if (facts.size > MAX_ASSET_BYTES) {
		return { ok: false, problem: { path: field, message: `${given} is larger than ${MAX_ASSET_BYTES / 2 ** 20} MiB; use a smaller file` } };
	}
	return { ok: true, file, bytes: await readFile(file) };
};

type Checked = { readonly file: string; readonly name: string };
type CheckedScene = {
	image?: Checked;
	audio?: Checked & { readonly durationMs: number };
	video?: Checked & { readonly clip: Omit<SceneClip, 'src'> };
};

/**
 * Checks the images, clips and audio a person gave per scene, copying nothing: each exists and lies inside the
 * project or the script's folder, each image's header gives a size within the caps (nothing is decoded), each
 * clip's first frame and each audio decodes. Every problem is reported at once.
 */
export const checkSuppliedAssets = async (script: VideoScript, scriptFile: string, projectRoot: string): Promise<Map<number, CheckedScene>> => {
	const roots = [await realpath(path.dirname(path.resolve(scriptFile))), await realpath(projectRoot)];
	const problems: Problem[] = [];
	// only paths and names are kept, not the files' bytes
	const checked = new Map<number, CheckedScene>();
	for (const [index, scene] of script.scenes.entries()) {
		const found: CheckedScene = {};
		if (scene.image) {
			const field = `scenes[${index}].image`;
			const located = await locate(scene.image, field, roots);
			if (!located.ok) problems.push(located.problem);
			else {
				const image = checkImage(scene.image, located.bytes);
				if ('problem' in image) problems.push({ path: field, message: image.problem });
				else found.image = { file: located.file, name: contentName(located.bytes, SUPPLIED_DIR, image.ext) };
			}
		}
		if (scene.audio) {
			const field = `scenes[${index}].audio`;
			const located = await locate(scene.audio, field, roots);
			if (!located.ok) problems.push(located.problem);
			else {
				const facts = await probeMedia(located.file).catch(() => null);
				if (!facts?.audio || facts.durationMs <= 0) {
					problems.push({ path: field, message: `${scene.audio} has no audio that can be decoded; use a WAV, MP3, M4A or OGG file` });
				} else {
					const ext = path.extname(located.file).slice(1).toLowerCase() || 'audio';
					found.audio = { file: located.file, name: contentName(located.bytes, SUPPLIED_DIR, ext), durationMs: facts.durationMs };
				}
			}
		}
		if (scene.video) {
			const field = `scenes[${index}].video`;
			const located = await locate(scene.video, field, roots);
			if (!located.ok) problems.push(located.problem);
			else {
				const startMs = Math.round((scene.video_start ?? 0) * 1000);
				const clip = await checkClip(located.file, scene.video, startMs, MAX_CLIP_SECONDS);
				if ('problem' in clip) problems.push({ path: clip.atStart ? `scenes[${index}].video_start` : field, message: clip.problem });
				else {
					const ext = path.extname(located.file).slice(1).toLowerCase() || 'video';
					found.video = {
						file: located.file,
						name: contentName(located.bytes, SUPPLIED_DIR, ext),
						clip: {
							width: clip.width,
							height: clip.height,
							durationMs: clip.durationMs,
							startMs,
							loop: scene.loop ?? true,
							// a clip without sound is muted whatever the script says: there is nothing to mix
							muted: (scene.muted ?? true) || !clip.hasAudio,
						},
					};
				}
			}
		}
		if (found.image || found.audio || found.video) checked.set(scene.scene_id, found);
	}
	if (problems.length > 0) throw new InputError(scriptFile, problems);
	return checked;
};

/**
 * checkSuppliedAssets, then puts every file under `publicDir`, which the render serves: only once all of them
 * passed, so a bad file leaves nothing behind.
 */
export const resolveSuppliedAssets = async (
	script: VideoScript,
	scriptFile: string,
	projectRoot: string,
	publicDir: string,
): Promise<Map<number, SceneAssets>> => {
	const checked = await checkSuppliedAssets(script, scriptFile, projectRoot);
	const assets = new Map<number, SceneAssets>();
	for (const [sceneId, { image, audio, video }] of checked) {
		assets.set(sceneId, {
			...(image ? { image: { src: await stashFile(image.file, image.name, publicDir) } } : {}),
			...(video ? { video: { src: await stashFile(video.file, video.name, publicDir), ...video.clip } } : {}),
			...(audio ? { audio: { src: await stashFile(audio.file, audio.name, publicDir), durationMs: audio.durationMs } } : {}),
		});
	}
	return assets;
};
