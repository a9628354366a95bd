import type { SceneSlot } from './scene-timeline';

/** A run of scene indexes, both ends included. */
export type SceneRange = { readonly first: number; readonly last: number };

/** Whether a sequence placed at `from` for `durationInFrames` shows `frame`. */
export const coversFrame = (from: number, durationInFrames: number, frame: number): boolean => frame >= from && frame < from + durationInFrames;

/**
 * The scenes a renderer mounts to draw `frame`: those on screen, plus one on each side, so that each scene on
 * screen keeps the transitions into and out of it exactly as in the whole series. Everything else is off screen
 * at this frame, and leaving it out keeps the work per frame the same however many scenes the video has.
 */
export const sceneWindowAt = (slots: readonly SceneSlot[], frame: number): SceneRange => {
	if (slots.length === 0) return { first: 0, last: -1 };
	let firstShown = slots.findIndex((slot) => coversFrame(slot.startFrame, slot.durationInFrames, frame));
	if (firstShown === -1) firstShown = frame < slots[0]!.startFrame ? 0 : slots.length - 1;
	let lastShown = firstShown;
	while (lastShown + 1 < slots.length && coversFrame(slots[lastShown + 1]!.startFrame, slots[lastShown + 1]!.durationInFrames, frame)) lastShown++;
	return { first: Math.max(0, firstShown - 1), last: Math.min(slots.length - 1, lastShown + 1) };
};
