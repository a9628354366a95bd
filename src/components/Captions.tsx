import React from 'react';
import { useCurrentFrame, useVideoConfig } from 'remotion';
import type { Theme } from '../schema/video-props';
import { litWordAt, pageShownAt, type TimedPage } from '../timeline/caption-timeline';
import { framesToMs } from '../timeline/frames';
import { karaokeSegments } from '../timeline/karaoke-segments';
import { CAPTION_LINE_HEIGHT, CAPTION_PADDING_EM, type Layout } from '../timeline/layout';
import { FONT_STACK } from './font-stack';

/** Word-level karaoke: the scene's page on screen, with the current word lit. Times are ms from the scene's narration start. */
export const Captions: React.FC<{
	readonly pages: readonly TimedPage[];
	readonly box: Layout['captions'];
	readonly theme: Theme;
}> = ({ pages, box, theme }) => {
	const frame = useCurrentFrame();
	const { fps } = useVideoConfig();
	const ms = framesToMs(frame, fps);
	const page = pageShownAt(pages, ms);
	if (!page) return null;
	const lit = litWordAt(page, ms);
	return (
		<div
			style={{
				position: 'absolute',
				left: box.left,
				top: box.top,
				width: box.width,
				height: box.height,
				display: 'flex',
				flexDirection: 'column',
				justifyContent: 'flex-end',
				alignItems: 'center',
			}}
		>
			<div
				data-testid="caption-plate"
				style={{
					padding: `${CAPTION_PADDING_EM * 0.5}em ${CAPTION_PADDING_EM}em`,
					borderRadius: '0.3em',
					background: 'rgba(0, 0, 0, 0.55)',
					fontFamily: FONT_STACK,
					fontWeight: 700,
					fontSize: box.fontSize,
					lineHeight: CAPTION_LINE_HEIGHT,
					color: theme.text,
					textAlign: 'center',
					whiteSpace: 'pre',
				}}
			>
				{page.lines.map((line, lineIndex) => (
					<div key={lineIndex}>
						{karaokeSegments(
							line.words.map((word) => word.text),
							lit !== null && lit[0] === lineIndex ? lit[1] : null,
						).map((segment, i) => (
							<span key={i} style={{ color: segment.lit ? theme.highlight : undefined }}>
								{segment.text}
							</span>
						))}
					</div>
				))}
			</div>
		</div>
	);
};
