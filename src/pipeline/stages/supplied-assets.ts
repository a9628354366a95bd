import { createHash } from 'node:crypto';
import { copyFile, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeThroughPartial } from '../../node/write-through-partial';
import type { SceneAssets } from '../../props/build-props';
import type { Problem } from '../../schema/problems';
import type { VideoScript } from '../../schema/video-script';
import { InputError } from '../input-error';
import { probeMedia } from '../media/probe-media';

const IMAGE_SIGNATURES: ReadonlyArray<{ ext: string; test: (b: Buffer) => boolean }> = [
	{ ext: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
	{ ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
	{ ext: 'webp', test: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
];

const isInside = (file: string, folder: string) => {
	const relative = path.relative(folder, file);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

export const SUPPLIED_DIR = 'supplied';

/** Far above any scene's image or voice; stops a device file or a video from being read into memory. */
const MAX_ASSET_BYTES = 512 * 2 ** 20;

/**
 * Copies a file into the render's public folder under its content hash, so equal files are stored once.
 * Returns its path relative to that folder.
 */
const stash = async (file: string, bytes: Buffer, ext: string, publicDir: string): Promise<string> => {
	const name = `${SUPPLIED_DIR}/${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}.${ext}`;
	const target = path.join(publicDir, name);
	await writeThroughPartial(target, (partial) => copyFile(file, partial));
	return name;
};

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
		return { ok: false, problem: { path: field, message: `${given} is ${facts.isDirectory() ? 'a folder' : 'not a regular file'}; give the path of an image or audio file` } };
	}
	if (facts.size > MAX_ASSET_BYTES) {
		return { ok: false, problem: { path: field, message: `${given} is larger than ${MAX_ASSET_BYTES / 2 ** 20} MiB; use a smaller file` } };
	}
	return { ok: true, file, bytes: await readFile(file) };
};

/**
 * Validates the images and audio a person gave per scene (exists, decodes, lies inside the project or
 * the script's folder) and puts them under `publicDir`, which the render serves.
 */
export const resolveSuppliedAssets = async (
	script: VideoScript,
	scriptFile: string,
	projectRoot: string,
	publicDir: string,
): Promise<Map<number, SceneAssets>> => {
	const roots = [await realpath(path.dirname(path.resolve(scriptFile))), await realpath(projectRoot)];
	const problems: Problem[] = [];
	const assets = new Map<number, SceneAssets>();
	for (const [index, scene] of script.scenes.entries()) {
		const found: { image?: SceneAssets['image']; audio?: SceneAssets['audio'] } = {};
		if (scene.image) {
			const field = `scenes[${index}].image`;
			const located = await locate(scene.image, field, roots);
			if (!located.ok) problems.push(located.problem);
			else {
				const kind = IMAGE_SIGNATURES.find((s) => s.test(located.bytes));
				if (!kind) problems.push({ path: field, message: `${scene.image} is not a PNG, JPEG or WebP image; export it as one of those` });
				else found.image = { src: await stash(located.file, located.bytes, kind.ext, publicDir) };
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
					found.audio = { src: await stash(located.file, located.bytes, ext, publicDir), durationMs: facts.durationMs };
				}
			}
		}
		if (found.image || found.audio) assets.set(scene.scene_id, found);
	}
	if (problems.length > 0) throw new InputError(scriptFile, problems);
	return assets;
};
