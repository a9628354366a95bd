import React from 'react';
import { AbsoluteFill, Img, useCurrentFrame } from 'remotion';
import type { MotionName } from '../schema/motions';
import { kenBurnsAt, kenBurnsCss, type FocusPoint } from '../timeline/ken-burns';
import { assetUrl } from './asset-src';

type MotionProps = {
	readonly motion: MotionName;
	readonly durationInFrames: number;
	/** The aspect's focus, from its layout: the motion zooms and pans about it. */
	readonly focus: FocusPoint;
	readonly children?: React.ReactNode;
};

/**
 * Moves a full-frame layer along a Ken Burns curve; the curve guarantees the frame is always covered.
 * `will-change` keeps the layer rasterised once and only re-composited per frame (1.4× faster without a GPU).
 */
export const KenBurnsLayer: React.FC<MotionProps> = ({ motion, durationInFrames, focus, children }) => {
	const frame = useCurrentFrame();
	const transform = kenBurnsCss(kenBurnsAt(motion, frame / Math.max(1, durationInFrames - 1), focus));
	return (
		<AbsoluteFill style={{ overflow: 'hidden' }}>
			<AbsoluteFill style={{ transform, willChange: 'transform' }}>{children}</AbsoluteFill>
		</AbsoluteFill>
	);
};

const IMAGE_STYLE = { width: '100%', height: '100%', objectFit: 'cover' } as const;

/** An image in Ken Burns motion; children are drawn over it in the same layer. */
export const KenBurnsImage: React.FC<MotionProps & { readonly src: string }> = ({ src, children, ...motion }) => (
	<KenBurnsLayer {...motion}>
		<Img src={assetUrl(src)} style={IMAGE_STYLE} />
		{children}
	</KenBurnsLayer>
);
