import type { TransitionPresentation, TransitionPresentationComponentProps } from '@remotion/transitions';
import React from 'react';
import { AbsoluteFill } from 'remotion';

type ZoomInProps = Record<string, unknown>;

/** The new scene grows out of the middle while the old one pushes towards the viewer and fades. CSS only. */
const ZoomIn: React.FC<TransitionPresentationComponentProps<ZoomInProps>> = ({ children, presentationDirection, presentationProgress }) => {
	const p = presentationProgress;
	const style: React.CSSProperties =
		presentationDirection === 'entering'
			? { transform: `scale(${0.6 + 0.4 * p})`, opacity: Math.min(1, p * 1.5) }
			: { transform: `scale(${1 + 0.25 * p})`, opacity: 1 - p };
	return <AbsoluteFill style={style}>{children}</AbsoluteFill>;
};

export const zoomIn = (): TransitionPresentation<ZoomInProps> => ({ component: ZoomIn, props: {} });
