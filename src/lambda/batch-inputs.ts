import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../schema/input-error';
import { loadScript } from '../pipeline/load-script';
import { slugify } from '../output/slug';
import type { PlatformName } from '../schema/platforms';
import type { Problem } from '../schema/problems';
import { quote } from '../schema/quote';
import type { VideoScript } from '../schema/video-script';

export type LoadedScript = { readonly file: string; readonly script: VideoScript };

export type BatchFiles = { readonly files: readonly string[]; readonly skipped: readonly { readonly file: string; readonly reason: string }[] };

/** `--batch DIR`: every script JSON directly in DIR, by name; anything else is skipped with a reason. */
export const batchFiles = async (dir: string): Promise<BatchFiles> => {
	let entries;
	try {
		entries = await readdir(dir, { withFileTypes: true });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'folder not found' : code === 'ENOTDIR' ? 'is a file, not a folder' : `cannot be read (${code})`;
		throw new InputError('arguments', [{ path: '--batch', message: `${quote(dir)} ${reason}; give a folder of script JSON files, or use --props FILE…` }]);
	}
	const files: string[] = [];
	const skipped: { file: string; reason: string }[] = [];
	for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
		const file = path.join(dir, entry.name);
		if (entry.name.startsWith('.')) continue;
		if (!entry.isFile()) skipped.push({ file, reason: 'not a file' });
		else if (path.extname(entry.name).toLowerCase() === '.json') files.push(file);
		else skipped.push({ file, reason: 'not a script JSON (an article becomes one with npm run make)' });
	}
	if (files.length === 0)
		throw new InputError('arguments', [
			{ path: '--batch', message: `${quote(dir)} holds no .json scripts; put script JSON files there, or use --props FILE…` },
		]);
	return { files, skipped };
};

/**
 * Loads and validates every script before anything is made or rendered. One bad file is reported as
 * `npm run render` reports it; several are reported together, each problem under its file.
 */
export const loadScripts = async (files: readonly string[]): Promise<LoadedScript[]> => {
	const results = await Promise.all(
		files.map(async (file) => {
			try {
				return { file, script: await loadScript(file) };
			} catch (error) {
				if (error instanceof InputError) return error;
				throw error;
			}
		}),
	);
	const failures = results.filter((r): r is InputError => r instanceof InputError);
	if (failures.length === 1) throw failures[0]!;
	if (failures.length > 1) {
		const problems: Problem[] = failures.flatMap((f) => f.problems.map((p) => ({ path: `${f.source}: ${p.path}`, message: p.message })));
		throw new InputError(`${failures.length} of ${files.length} scripts`, problems);
	}
	return results as LoadedScript[];
};

export type BatchVideo = LoadedScript & { readonly platform: PlatformName; readonly slug: string };

/** Every script × platform to render; two that would write the same out/<slug>/<platform>/ are bad input. */
export const batchVideos = (scripts: readonly LoadedScript[], platforms?: readonly PlatformName[]): BatchVideo[] => {
	const videos = scripts.flatMap(({ file, script }) =>
		(platforms ?? [script.target_platform]).map((platform) => ({ file, script, platform, slug: slugify(script.title) })),
	);
	const seen = new Map<string, string>();
	const problems: Problem[] = [];
	for (const video of videos) {
		const id = `${video.slug}/${video.platform}`;
		const first = seen.get(id);
		if (first !== undefined)
			problems.push({
				path: `${video.file}: title`,
				message: `${quote(video.script.title)} would overwrite ${first}'s video in ${id}; give one of them another title`,
			});
		else seen.set(id, video.file);
	}
	if (problems.length > 0) throw new InputError('scripts', problems);
	return videos;
};
