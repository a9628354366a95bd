import React from 'react';
import { AbsoluteFill, Img, useCurrentFrame } from 'remotion';
import type { MotionName } from '../schema/motions';
import { kenBurnsAt, kenBurnsCss } from '../timeline/ken-burns';
import { assetUrl } from './asset-src';

type MotionProps = { readonly motion: MotionName; readonly durationInFrames: number };

/** Moves a full-frame layer along a Ken Burns curve; the curve guarantees the frame is always covered. */
export const KenBurnsLayer: React.FC<MotionProps & { readonly children: React.ReactNode }> = ({
	motion,
	durationInFrames,
	children,
}) => {
	const frame = useCurrentFrame();
	const transform = kenBurnsCss(kenBurnsAt(motion, frame / Math.max(1, durationInFrames - 1)));
	return (
		<AbsoluteFill style={{ overflow: 'hidden' }}>
			<AbsoluteFill style={{ transform, willChange: 'transform' }}>{children}</AbsoluteFill>
		</AbsoluteFill>
	);
};

export const KenBurnsImage: React.FC<MotionProps & { readonly src: string }> = ({ src, ...motion }) => (
	<KenBurnsLayer {...motion}>
		<Img src={assetUrl(src)} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
	</KenBurnsLayer>
);
