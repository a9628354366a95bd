import React, { useMemo } from 'react';
import { AbsoluteFill, random } from 'remotion';
import type { Theme } from '../schema/video-props';

const alpha = (hex: string, opacity: number) =>
	`${hex}${Math.round(opacity * 255)
		.toString(16)
		.padStart(2, '0')}`;

/**
 * Drawn when a scene has no image yet: a gradient field with soft light blooms, laid out from the
 * scene's seed so every scene differs and every render of it is the same. Gradients only, no filters.
 */
export const DesignedBackground: React.FC<{ readonly seed: number; readonly theme: Theme }> = ({ seed, theme }) => {
	const background = useMemo(() => {
		const r = (i: number) => random(`${seed}-${i}`);
		const angle = Math.round(r(0) * 360);
		const blooms = [theme.accent, theme.primary, theme.highlight].map((color, i) => {
			const x = Math.round(10 + r(i * 3 + 1) * 80);
			const y = Math.round(10 + r(i * 3 + 2) * 80);
			const size = Math.round(35 + r(i * 3 + 3) * 30);
			const strength = i === 2 ? 0.18 : 0.45;
			return `radial-gradient(circle at ${x}% ${y}%, ${alpha(color, strength)} 0%, ${alpha(color, 0)} ${size}%)`;
		});
		return [...blooms, `linear-gradient(${angle}deg, ${theme.background} 0%, ${alpha(theme.primary, 0.85)} 100%)`].join(', ');
	}, [seed, theme]);
	return <AbsoluteFill style={{ background }} />;
};
