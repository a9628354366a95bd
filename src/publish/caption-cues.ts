import { sizeFor } from '../schema/platforms';
import type { VideoProps } from '../schema/video-props';
import { framesToMs } from '../timeline/frames';
import { lineText, pageCaptions } from '../timeline/caption-paging';
import { layoutFor } from '../timeline/layout';
import { sceneSlots } from '../timeline/scene-timeline';

/** One subtitle: a caption page as it is burned in, with its lines, in ms from the start of the video. */
export type CaptionCue = { readonly startMs: number; readonly endMs: number; readonly lines: readonly string[] };

/**
 * The burned-in caption pages as sidecar cues: the same paging, the same word timings and the same scene
 * offsets as the composition, so an SRT/VTT shows exactly what the video shows, when it shows it.
 */
export const captionCues = (props: VideoProps): CaptionCue[] => {
	const { width, height } = sizeFor(props.platform, props.aspectRatio);
	const box = layoutFor(props.aspectRatio, width, height).captions;
	const slots = sceneSlots(props.scenes);
	return props.scenes.flatMap((scene, index) => {
		const slot = slots[index]!;
		const sceneStartMs = framesToMs(slot.startFrame, props.fps);
		const visibleUntilMs = framesToMs(Math.max(1, slot.speechFrames), props.fps);
		const pages = pageCaptions(scene.captions, { maxLineWidthEm: box.maxLineWidthEm, maxLines: box.maxLines });
		return pages
			.map((page, i) => ({
				startMs: Math.round(sceneStartMs + page.startMs),
				endMs: Math.round(sceneStartMs + Math.min(pages[i + 1]?.startMs ?? visibleUntilMs, visibleUntilMs)),
				lines: page.lines.map(lineText),
			}))
			.filter((cue) => cue.endMs > cue.startMs);
	});
};
