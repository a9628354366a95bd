import type { ColorSpace } from '@remotion/renderer';

/**
 * What the screenshot and Lambda engines encode to: limited-range BT.709, the range players assume for HD
 * H.264 (a full-range video looks washed out or crushed in players that ignore the range flag). Remotion
 * converts the frames (zscale) as well as tagging them, so the tags describe the pixels. The web engine stays
 * full range: WebCodecs encodes a canvas frame as full-range BT.709, and converting it costs time per frame.
 */
export const VIDEO_COLOR_SPACE: ColorSpace = 'bt709';
