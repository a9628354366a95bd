import { sizeFor } from '../schema/platforms';
import type { VideoProps } from '../schema/video-props';
import { captionTimeline } from '../timeline/caption-timeline';
import { layoutFor } from '../timeline/layout';

/** One subtitle: a caption page as it is burned in, with its lines, in ms from the start of the video. */
export type CaptionCue = { readonly startMs: number; readonly endMs: number; readonly lines: readonly string[] };

/**
 * The burned-in caption pages as sidecar cues: the composition's own caption timeline at the video's size, so an
 * SRT/VTT shows exactly what the video shows, when it shows it. Times are rounded to whole ms.
 */
export const captionCues = (props: VideoProps): CaptionCue[] => {
	const { width, height } = sizeFor(props.platform, props.aspectRatio);
	const box = layoutFor(props.aspectRatio, width, height).captions;
	return captionTimeline(props, box).flatMap((scene) =>
		scene.pages
			.map((page) => ({
				startMs: Math.round(scene.fromMs + page.startMs),
				endMs: Math.round(scene.fromMs + page.endMs),
				lines: page.lines.map((line) => line.text),
			}))
			// a page shorter than half a ms would be an empty cue once rounded
			.filter((cue) => cue.endMs > cue.startMs),
	);
};
