import React, { useMemo } from 'react';
import { useCurrentFrame, useVideoConfig } from 'remotion';
import type { CaptionToken, Theme } from '../schema/video-props';
import { activeToken, pageAt, pageCaptions } from '../timeline/caption-paging';
import { karaokeSegments } from '../timeline/karaoke-segments';
import { CAPTION_LINE_HEIGHT, CAPTION_PADDING_EM, type Layout } from '../timeline/layout';
import { FONT_STACK } from './font-stack';

/** Word-level karaoke: the page being spoken, with the current word lit. Times are ms from the scene's narration start. */
export const Captions: React.FC<{
	readonly captions: readonly CaptionToken[];
	readonly box: Layout['captions'];
	readonly theme: Theme;
}> = ({ captions, box, theme }) => {
	const frame = useCurrentFrame();
	const { fps } = useVideoConfig();
	const pages = useMemo(
		() => pageCaptions(captions, { maxLineWidthEm: box.maxLineWidthEm, maxLines: box.maxLines }),
		[captions, box.maxLineWidthEm, box.maxLines],
	);
	const ms = (frame / fps) * 1000;
	const page = pageAt(pages, ms);
	if (!page) return null;
	const active = activeToken(page, ms);
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
								line.tokens.map((token, i) => (i === 0 ? token.text.trimStart() : token.text)),
								active !== null && active[0] === lineIndex ? active[1] : null,
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

