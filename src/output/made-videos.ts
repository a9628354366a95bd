import { readdir, stat } from 'node:fs/promises';
import { PLATFORM_NAMES, type PlatformName } from '../schema/platforms';
import { outputPaths } from './output-paths';

/** A rendered package's files, as output-paths lays them out. */
export type MadeVideoFiles = {
	readonly slug: string;
	readonly platform: PlatformName;
	readonly props: string;
	readonly video: string;
	/** The script `make` wrote; null for a video rendered from a person's own script. */
	readonly script: string | null;
};

const isFile = async (file: string): Promise<boolean> => (await stat(file).catch(() => null))?.isFile() ?? false;

/** The platforms of one video folder that hold a finished package (props.json and video.mp4). */
export const madeVideosIn = async (outDir: string, slug: string): Promise<MadeVideoFiles[]> => {
	const found: MadeVideoFiles[] = [];
	for (const platform of PLATFORM_NAMES) {
		const paths = outputPaths(outDir, slug, platform);
		if (!(await isFile(paths.props)) || !(await isFile(paths.video))) continue;
		found.push({ slug, platform, props: paths.props, video: paths.video, script: (await isFile(paths.script)) ? paths.script : null });
	}
	return found;
};

/** Every finished package under an output folder, in name order; the shared cache and staging folders are skipped. */
export const findMadeVideos = async (outDir: string): Promise<MadeVideoFiles[]> => {
	const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
	const slugs = entries
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
		.map((entry) => entry.name)
		.sort();
	return (await Promise.all(slugs.map((slug) => madeVideosIn(outDir, slug)))).flat();
};
