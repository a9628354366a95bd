import { stat } from 'node:fs/promises';
import path from 'node:path';
import { findMadeVideos, madeVideosIn, type MadeVideoFiles } from '../../output/made-videos';
import { slugify } from '../../output/slug';
import { PLATFORM_NAMES, type PlatformName } from '../../schema/platforms';
import { InputError } from '../../schema/input-error';
import { quote } from '../../schema/quote';
import { loadScript } from '../load-script';

/** What `npm run studio` opens: an output folder and the packages in it to show. */
export type StudioTarget = {
	readonly outDir: string;
	readonly videos: readonly MadeVideoFiles[];
	/** True when the person named one video; false when every video under the output folder is listed. */
	readonly chosen: boolean;
};

const WHAT_TO_GIVE = 'give a video folder made by make or render (out/<slug>), a props.json in it, or the script it was made from';

const isPlatform = (name: string): name is PlatformName => (PLATFORM_NAMES as readonly string[]).includes(name);

/** The output folder and slug a path names: `out/<slug>`, `out/<slug>/<platform>[/props.json]`, or a script. */
const locate = async (arg: string, outDir: string): Promise<{ outDir: string; slug: string; platform?: PlatformName }> => {
	const resolved = path.resolve(arg);
	const facts = await stat(resolved).catch(() => null);
	if (!facts) throw new InputError('arguments', [{ path: 'argv', message: `${quote(arg)} does not exist; ${WHAT_TO_GIVE}` }]);
	const platformDir = facts.isDirectory() ? resolved : path.dirname(resolved);
	if (isPlatform(path.basename(platformDir)) && (facts.isDirectory() || path.basename(resolved) === 'props.json')) {
		const videoDir = path.dirname(platformDir);
		return { outDir: path.dirname(videoDir), slug: path.basename(videoDir), platform: path.basename(platformDir) as PlatformName };
	}
	if (facts.isDirectory()) return { outDir: path.dirname(resolved), slug: path.basename(resolved) };
	const slug = slugify((await loadScript(resolved)).title);
	// the script `make` wrote sits in its video's folder: that output folder, whatever --out says
	const scriptFolder = path.dirname(resolved);
	if (path.basename(resolved) === 'script.json' && path.basename(scriptFolder) === slug) {
		return { outDir: path.dirname(scriptFolder), slug };
	}
	return { outDir, slug };
};

/**
 * Resolves `npm run studio [PATH] [--platform P] [--out DIR]`: with no path, every finished package under DIR;
 * with one, that video's packages (one platform with --platform or a platform folder). A video that has no finished
 * package yet is bad input that says how to make one.
 */
export const resolveStudioTarget = async (arg: string | undefined, outDir: string, platform: PlatformName | undefined): Promise<StudioTarget> => {
	const keep = (videos: readonly MadeVideoFiles[], only = platform) => videos.filter((video) => !only || video.platform === only);
	if (arg === undefined) return { outDir, videos: keep(await findMadeVideos(outDir)), chosen: false };
	const located = await locate(arg, outDir);
	if (platform && located.platform && platform !== located.platform) {
		throw new InputError('arguments', [
			{ path: '--platform', message: `${quote(arg)} is the ${located.platform} package, not ${platform}; drop one of the two` },
		]);
	}
	const videos = keep(await madeVideosIn(located.outDir, located.slug), platform ?? located.platform);
	if (videos.length === 0) {
		const which = platform ?? located.platform;
		throw new InputError('arguments', [
			{
				path: 'argv',
				message:
					`no finished ${which ? `${which} ` : ''}package of ${quote(located.slug)} in ${located.outDir} (props.json and video.mp4); ` +
					'render it first: npm run render -- --props <script>, or npm run make',
			},
		]);
	}
	return { outDir: located.outDir, videos, chosen: true };
};
