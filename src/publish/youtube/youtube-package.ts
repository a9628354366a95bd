import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../schema/input-error';
import type { Problem } from '../../schema/problems';
import { quote } from '../../schema/quote';
import { packageMismatch } from '../package-integrity';
import type { PackageMetadata } from './video-resource';

/** A rendered youtube package, checked: the video to send and the metadata that describes it. */
export type YoutubePackage = {
	readonly dir: string;
	readonly slug: string;
	readonly videoFile: string;
	readonly metadata: PackageMetadata;
	/** cover.jpg and captions.srt, when the package has them: set as thumbnail and captions after the video. */
	readonly coverFile?: string;
	readonly captionsFile?: string;
	/** metadata.json's language (BCP 47), when it names one: the captions' language. */
	readonly language?: string;
};

const BY_HAND = ['douyin', 'bilibili'];

const byHand = (platform: string, dir: string) =>
	new InputError('arguments', [
		{
			path: '--package',
			message:
				`${dir} is a ${platform} package: ${platform} videos are uploaded by hand (the package is the output) — ` +
				`open the ${platform} creator page and use video.mp4, cover.jpg and the text in metadata.json. Only youtube packages upload from here`,
		},
	]);

const isFile = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() === true;

const parseMetadata = (text: string, file: string): PackageMetadata & { platform?: string; language?: unknown } => {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new InputError(file, [{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }]);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(file, [{ path: '(root)', message: 'expected an object' }]);
	const v = value as Record<string, unknown>;
	const problems: Problem[] = [];
	for (const key of ['title', 'description', 'platform'] as const) {
		if (v[key] !== undefined && typeof v[key] !== 'string') problems.push({ path: key, message: `expected text, got ${quote(v[key])}` });
	}
	if (v.tags !== undefined && !(Array.isArray(v.tags) && v.tags.every((tag) => typeof tag === 'string'))) {
		problems.push({ path: 'tags', message: 'expected a list of strings' });
	}
	if (problems.length > 0) throw new InputError(file, problems);
	return v as PackageMetadata & { platform?: string; language?: unknown };
};

/** Checks an out/<slug>/youtube folder: douyin/bilibili are refused, video.mp4 and metadata.json must be there. */
export const readYoutubePackage = async (packageDir: string): Promise<YoutubePackage> => {
	const dir = path.resolve(packageDir);
	const shown = path.relative(process.cwd(), dir) || '.';
	if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
		throw new InputError('arguments', [
			{ path: '--package', message: `${quote(packageDir)} is not a folder: give a package folder such as out/<slug>/youtube` },
		]);
	}
	if (BY_HAND.includes(path.basename(dir))) throw byHand(path.basename(dir), shown);

	const metadataFile = path.join(dir, 'metadata.json');
	if (!(await isFile(metadataFile))) {
		throw new InputError('arguments', [
			{ path: '--package', message: `${shown} has no metadata.json: run npm run make or npm run render with --platform youtube first, then upload its folder` },
		]);
	}
	const videoFile = path.join(dir, 'video.mp4');
	if (!(await isFile(videoFile))) {
		throw new InputError('arguments', [{ path: '--package', message: `${shown} has no video.mp4: run npm run render with --platform youtube first` }]);
	}
	if ((await stat(videoFile)).size === 0) throw new InputError('arguments', [{ path: '--package', message: `${shown}/video.mp4 is empty: render it again` }]);

	const { platform, language, ...metadata } = parseMetadata(await readFile(metadataFile, 'utf8'), path.join(shown, 'metadata.json'));
	if (platform !== undefined && platform !== 'youtube') {
		if (BY_HAND.includes(platform)) throw byHand(platform, shown);
		throw new InputError('arguments', [{ path: '--package', message: `${shown} is a ${quote(platform)} package, not a youtube one` }]);
	}
	const mismatch = await packageMismatch(dir, 'youtube');
	if (mismatch) throw new InputError('arguments', [mismatch]);
	const coverFile = path.join(dir, 'cover.jpg');
	const captionsFile = path.join(dir, 'captions.srt');
	return {
		dir,
		slug: path.basename(path.dirname(dir)),
		videoFile,
		metadata,
		...((await isFile(coverFile)) ? { coverFile } : {}),
		...((await isFile(captionsFile)) ? { captionsFile } : {}),
		...(typeof language === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language) ? { language } : {}),
	};
};
