import React from 'react';
import { interpolate, spring, useCurrentFrame, useVideoConfig } from 'remotion';
import type { Theme } from '../schema/video-props';
import type { Layout } from '../timeline/layout';
import { FONT_STACK } from './font-stack';

/** The scene's key phrase: rises in after the scene settles, fades out before it leaves. */
export const TextOverlay: React.FC<{
	readonly text: string;
	readonly box: Layout['overlay'];
	readonly theme: Theme;
	readonly durationInFrames: number;
}> = ({ text, box, theme, durationInFrames }) => {
	const frame = useCurrentFrame();
	const { fps } = useVideoConfig();
	if (text.trim() === '') return null;
	const enter = spring({ frame: frame - Math.round(fps * 0.25), fps, config: { damping: 200 } });
	const exit = interpolate(frame, [durationInFrames - Math.round(fps * 0.5), durationInFrames - 1], [1, 0], {
		extrapolateLeft: 'clamp',
		extrapolateRight: 'clamp',
	});
	return (
		<div
			style={{
				position: 'absolute',
				left: box.left,
				top: box.top,
				width: box.width,
				opacity: Math.min(enter, exit),
				transform: `translateY(${(1 - enter) * box.fontSize * 0.6}px)`,
			}}
		>
			<div style={{ width: box.fontSize * 1.6, height: box.fontSize * 0.16, background: theme.accent, marginBottom: box.fontSize * 0.3 }} />
			<div
				style={{
					fontFamily: FONT_STACK,
					fontWeight: 900,
					fontSize: box.fontSize,
					lineHeight: 1.2,
					color: theme.text,
					WebkitTextStroke: `${Math.max(2, box.fontSize * 0.05)}px ${theme.background}`,
					paintOrder: 'stroke fill',
				}}
			>
				{text}
			</div>
		</div>
	);
};
