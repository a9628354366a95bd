import React, { useMemo } from 'react';
import { AbsoluteFill, random, useVideoConfig } from 'remotion';
import type { Theme } from '../schema/video-props';

const alpha = (hex: string, opacity: number) =>
	`${hex}${Math.round(opacity * 255)
		.toString(16)
		.padStart(2, '0')}`;

type Bloom = { readonly cx: number; readonly cy: number; readonly r: number; readonly color: string; readonly strength: number };

/**
 * Drawn when a scene has no image yet: a gradient field with soft light blooms, laid out from the
 * scene's seed so every scene differs and every render of it is the same. Gradients only, no filters.
 * The blooms are SVG radial gradients, which the screenshot and the in-browser renderer both paint.
 */
export const DesignedBackground: React.FC<{ readonly seed: number; readonly theme: Theme }> = ({ seed, theme }) => {
	const { width, height } = useVideoConfig();
	const { field, blooms } = useMemo(() => {
		const r = (i: number) => random(`${seed}-${i}`);
		const angle = Math.round(r(0) * 360);
		const placed = [theme.accent, theme.primary, theme.highlight].map((color, i): Bloom => {
			const cx = ((10 + Math.round(r(i * 3 + 1) * 80)) / 100) * width;
			const cy = ((10 + Math.round(r(i * 3 + 2) * 80)) / 100) * height;
			const size = Math.round(35 + r(i * 3 + 3) * 30);
			// as CSS sizes a circle: a share of the distance to the farthest corner
			const farthest = Math.hypot(Math.max(cx, width - cx), Math.max(cy, height - cy));
			return { cx, cy, r: (farthest * size) / 100, color, strength: i === 2 ? 0.18 : 0.45 };
		});
		return { field: `linear-gradient(${angle}deg, ${theme.background} 0%, ${alpha(theme.primary, 0.85)} 100%)`, blooms: placed.reverse() };
	}, [seed, theme, width, height]);
	const id = `bloom-${seed}`;
	return (
		<AbsoluteFill style={{ backgroundImage: field }}>
			<svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} style={{ position: 'absolute', inset: 0 }}>
				<defs>
					{blooms.map((b, i) => (
						<radialGradient key={i} id={`${id}-${i}`} gradientUnits="userSpaceOnUse" cx={b.cx} cy={b.cy} r={b.r}>
							<stop offset="0" stopColor={b.color} stopOpacity={b.strength} />
							<stop offset="1" stopColor={b.color} stopOpacity={0} />
						</radialGradient>
					))}
				</defs>
				{blooms.map((_, i) => (
					<rect key={i} width={width} height={height} fill={`url(#${id}-${i})`} />
				))}
			</svg>
		</AbsoluteFill>
	);
};
