import type { Theme } from '../schema/video-props';

export type { Theme };
import { fnv1a } from '../timeline/hash';

/** Palettes chosen by the script's `style`; an unknown style gets a stable pick from the same list. */
const THEMES: Readonly<Record<string, Theme>> = {
	informative: { background: '#0b1020', primary: '#1d4ed8', accent: '#22d3ee', text: '#ffffff', highlight: '#facc15' },
	story: { background: '#1a0f0a', primary: '#9a3412', accent: '#fbbf24', text: '#fff7ed', highlight: '#fde047' },
	cinematic: { background: '#05070a', primary: '#1f2937', accent: '#f59e0b', text: '#f9fafb', highlight: '#fbbf24' },
	humorous: { background: '#1e0b2e', primary: '#db2777', accent: '#a3e635', text: '#ffffff', highlight: '#a3e635' },
	tech: { background: '#020617', primary: '#4f46e5', accent: '#2dd4bf', text: '#f8fafc', highlight: '#5eead4' },
	calm: { background: '#0c1a17', primary: '#0f766e', accent: '#99f6e4', text: '#f0fdfa', highlight: '#fcd34d' },
};

const NAMES = Object.keys(THEMES);

export const themeForStyle = (style: string): Theme => {
	const key = style.trim().toLowerCase();
	return THEMES[key] ?? THEMES[NAMES[fnv1a(key) % NAMES.length]!]!;
};
