import { readFile } from 'node:fs/promises';
import type { MadeVideoFiles } from '../../output/made-videos';
import { videoPropsSchema } from '../../schema/video-props';
import { madeVideoCompositionId, studioRenderName, type MadeVideo, type StudioCatalogue } from '../../studio/studio-catalogue';

export type SkippedVideo = { readonly file: string; readonly reason: string };

/**
 * The Studio's list of made videos: each package's props.json, validated with the composition's own schema.
 * A props file that does not validate (written by an older version, or edited by hand) is skipped with its reason.
 */
export const buildStudioCatalogue = async (videos: readonly MadeVideoFiles[]): Promise<{ catalogue: StudioCatalogue; skipped: SkippedVideo[] }> => {
	const made: MadeVideo[] = [];
	const skipped: SkippedVideo[] = [];
	for (const video of videos) {
		let json: unknown;
		try {
			json = JSON.parse(await readFile(video.props, 'utf8'));
		} catch (error) {
			skipped.push({ file: video.props, reason: `cannot be read as JSON (${(error as Error).message})` });
			continue;
		}
		const parsed = videoPropsSchema.safeParse(json);
		if (!parsed.success) {
			const first = parsed.error.issues[0]!;
			skipped.push({ file: video.props, reason: `${first.path.join('.') || '(root)'}: ${first.message}; render it again to refresh it` });
			continue;
		}
		made.push({
			id: madeVideoCompositionId(video.slug, video.platform),
			slug: video.slug,
			platform: video.platform,
			outName: studioRenderName(video.slug, video.platform),
			props: parsed.data,
		});
	}
	return { catalogue: { videos: made }, skipped };
};
