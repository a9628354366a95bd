import React from 'react';
import { AbsoluteFill, Img, useVideoConfig } from 'remotion';
import { assetUrl } from '../../components/asset-src';
import { DesignedBackground } from '../../components/DesignedBackground';
import type { VideoProps } from '../../schema/video-props';
import { FONT_STACK } from '../../components/font-stack';
import { SceneClip } from '../../components/SceneClip';

const CENTRE = { x: 0.5, y: 0.5 } as const;

/** Title lines hold about this many characters at the cover's type size. */
const TITLE_EM_PER_LINE = 9;

/**
 * The cover or thumbnail: the opening scene's picture (its clip's first frame) under a dark wash, with the title large in the middle,
 * sized from the shorter side so it reads at thumbnail size on every platform.
 */
export const Cover: React.FC<VideoProps> = ({ title, scenes, theme }) => {
	const { width, height } = useVideoConfig();
	const first = scenes[0];
	const fontSize = Math.round(Math.min(width, height) / TITLE_EM_PER_LINE);
	return (
		<AbsoluteFill style={{ backgroundColor: theme.background }}>
			{first?.video ? (
				<SceneClip video={{ ...first.video, muted: true }} focus={CENTRE} />
			) : first?.image ? (
				<Img src={assetUrl(first.image.src)} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
			) : (
				<DesignedBackground seed={first?.backdropSeed ?? 0} theme={theme} />
			)}
			<AbsoluteFill style={{ background: 'linear-gradient(180deg, rgba(0,0,0,0.15) 0%, rgba(0,0,0,0.6) 100%)' }} />
			<AbsoluteFill style={{ justifyContent: 'center', alignItems: 'center', padding: '0 8%' }}>
				<div
					style={{
						color: theme.text,
						fontFamily: FONT_STACK,
						fontWeight: 900,
						fontSize,
						lineHeight: 1.2,
						textAlign: 'center',
						textShadow: '0 4px 24px rgba(0,0,0,0.6)',
						borderBottom: `${Math.round(fontSize / 10)}px solid ${theme.highlight}`,
						paddingBottom: Math.round(fontSize / 4),
					}}
				>
					{title}
				</div>
			</AbsoluteFill>
		</AbsoluteFill>
	);
};
