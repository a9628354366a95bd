import { themeForStyle } from '../../../props/themes';
import { adjust, BLACK, hex, mix, type Rgb, tint, WHITE } from './color';
import type { Look } from './looks';

/** Colours by role, from the sky (far) to the ground (near), plus the light and the theme's accents. */
export type Palette = {
	readonly skyTop: Rgb;
	readonly skyMid: Rgb;
	readonly horizon: Rgb;
	readonly glow: Rgb;
	readonly sun: Rgb;
	readonly far: Rgb;
	readonly mid: Rgb;
	readonly near: Rgb;
	readonly ground: Rgb;
	readonly accent: Rgb;
	readonly highlight: Rgb;
};

type Role = keyof Palette;

const mapAll = (p: Palette, f: (c: Rgb, role: Role) => Rgb): Palette =>
	Object.fromEntries(Object.entries(p).map(([role, c]) => [role, f(c as Rgb, role as Role)])) as Palette;

/** Built from the theme that captions and overlays use, so the picture sits under them in the same key. */
const fromTheme = (style: string): Palette => {
	const theme = themeForStyle(style);
	const bg = hex(theme.background);
	const primary = hex(theme.primary);
	const accent = hex(theme.accent);
	const highlight = hex(theme.highlight);
	const horizon = mix(mix(primary, accent, 0.5), WHITE, 0.1);
	return {
		skyTop: mix(bg, primary, 0.3),
		skyMid: mix(bg, primary, 0.7),
		horizon,
		glow: mix(highlight, WHITE, 0.25),
		sun: mix(highlight, WHITE, 0.65),
		far: mix(horizon, mix(primary, bg, 0.3), 0.55),
		mid: mix(primary, bg, 0.5),
		near: mix(bg, primary, 0.18),
		ground: mix(bg, BLACK, 0.25),
		accent,
		highlight,
	};
};

const EMBER = hex('#fb923c');
const ROSE = hex('#be185d');

const timeOfDay = (p: Palette, time: Look['time']): Palette => {
	switch (time) {
		case 'golden':
			return {
				...p,
				skyMid: mix(p.skyMid, ROSE, 0.3),
				horizon: mix(p.horizon, EMBER, 0.6),
				glow: mix(p.glow, hex('#fdba74'), 0.55),
				sun: hex('#fff1c7'),
				far: mix(p.far, EMBER, 0.2),
				mid: mix(p.mid, ROSE, 0.15),
			};
		case 'night':
			return {
				...mapAll(p, (c, role) => (role === 'accent' || role === 'highlight' ? c : mix(c, BLACK, 0.35))),
				horizon: mix(mix(p.horizon, p.skyMid, 0.5), BLACK, 0.35),
				glow: mix(p.accent, WHITE, 0.45),
				sun: hex('#eef2ff'),
			};
		case 'day':
			return {
				...p,
				skyTop: mix(p.skyMid, WHITE, 0.3),
				skyMid: mix(p.skyMid, WHITE, 0.5),
				horizon: mix(p.horizon, WHITE, 0.6),
				glow: mix(p.glow, WHITE, 0.5),
				sun: WHITE,
				far: mix(p.far, WHITE, 0.45),
				mid: mix(p.mid, WHITE, 0.25),
				near: mix(p.near, p.mid, 0.5),
				ground: mix(p.ground, p.mid, 0.4),
			};
		case 'dusk':
			return p;
	}
};

/** Ink wash: paper and greys, faintly tinted by the theme, with a vermilion sun. */
const ink = (p: Palette): Palette => {
	const tint = (grey: string) => mix(hex(grey), p.mid, 0.08);
	return {
		skyTop: tint('#e6dfcf'),
		skyMid: tint('#eee8da'),
		horizon: tint('#f5f0e5'),
		glow: tint('#faf6ec'),
		sun: hex('#b83a2c'),
		far: tint('#b9b3a6'),
		mid: tint('#74706a'),
		near: tint('#2a2927'),
		ground: tint('#e2dbcb'),
		accent: hex('#b83a2c'),
		highlight: tint('#3a3835'),
	};
};

/** Neon: near-black violet night lit by magenta and the theme's accent pushed to full saturation. */
const neon = (p: Palette): Palette => {
	const accent = adjust(p.accent, { saturation: 1.6, lightness: () => 0.58 });
	const magenta = hex('#ff3ea5');
	return {
		skyTop: hex('#07031a'),
		skyMid: hex('#1d0840'),
		horizon: mix(magenta, hex('#7c3aed'), 0.45),
		glow: mix(magenta, WHITE, 0.3),
		sun: hex('#ffd1ec'),
		far: hex('#3a0f63'),
		mid: hex('#1f0a3d'),
		near: hex('#0c0420'),
		ground: hex('#05010f'),
		accent,
		highlight: magenta,
	};
};

const TINT = { warm: hex('#f07a34'), cool: hex('#3b82f6') } as const;

/** Where each role sits in a pastel picture: light throughout, with the near layers still deepest. */
const PASTEL_LIGHTNESS: Readonly<Record<Role, number>> = {
	skyTop: 0.7,
	skyMid: 0.79,
	horizon: 0.87,
	glow: 0.93,
	sun: 0.97,
	far: 0.68,
	mid: 0.55,
	near: 0.4,
	ground: 0.34,
	accent: 0.66,
	highlight: 0.76,
};

export const paletteFor = (style: string, look: Look, hueJitter: number): Palette => {
	let p = timeOfDay(fromTheme(style), look.time);
	if (look.neon) p = neon(p);
	else if (look.ink) p = ink(p);
	if (look.temperature !== 'neutral') {
		const toward = TINT[look.temperature];
		p = mapAll(p, (c, role) => (role === 'sun' && look.ink ? c : tint(c, toward, 0.3)));
	}
	if (look.tone === 'bright') p = mapAll(p, (c) => adjust(c, { lightness: (l) => l + (1 - l) * 0.22 }));
	if (look.tone === 'dark') {
		p = mapAll(p, (c, role) => (role === 'sun' || role === 'glow' ? c : adjust(c, { lightness: (l) => l * 0.7 })));
	}
	if (look.pastel) {
		p = mapAll(p, (c, role) => adjust(c, { saturation: 0.8, lightness: (l) => PASTEL_LIGHTNESS[role] * 0.85 + l * 0.15 }));
	} else if (look.watercolor && !look.ink) {
		p = mapAll(p, (c) => adjust(c, { saturation: 0.85, lightness: (l) => 0.22 + l * 0.72 }));
	}
	if (look.retro) {
		p = mapAll(p, (c) => adjust(mix(c, hex('#c8874a'), 0.18), { saturation: 0.75, lightness: (l) => 0.07 + l * 0.86 }));
	}
	return hueJitter === 0 ? p : mapAll(p, (c, role) => (role === 'sun' ? c : adjust(c, { hue: hueJitter })));
};
