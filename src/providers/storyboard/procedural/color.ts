export type Rgb = readonly [number, number, number];

export const WHITE: Rgb = [255, 255, 255];
export const BLACK: Rgb = [0, 0, 0];

export const hex = (value: string): Rgb => {
	const n = Number.parseInt(value.replace('#', ''), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

export const css = (c: Rgb, alpha = 1): string =>
	`rgba(${Math.round(c[0])},${Math.round(c[1])},${Math.round(c[2])},${Math.max(0, Math.min(1, alpha)).toFixed(3)})`;

export const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** Perceived lightness, 0–1 (gamma-space weights: enough to rank colours). */
export const lightness = (c: Rgb): number => (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255;

type Hsl = { h: number; s: number; l: number };

const toHsl = ([r8, g8, b8]: Rgb): Hsl => {
	const r = r8 / 255;
	const g = g8 / 255;
	const b = b8 / 255;
	const max = Math.max(r, g, b);
	const min = Math.min(r, g, b);
	const l = (max + min) / 2;
	if (max === min) return { h: 0, s: 0, l };
	const d = max - min;
	const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
	const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
	return { h: h * 60, s, l };
};

const fromHsl = ({ h, s, l }: Hsl): Rgb => {
	const hue = (((h % 360) + 360) % 360) / 360;
	if (s === 0) return [l * 255, l * 255, l * 255];
	const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
	const p = 2 * l - q;
	const channel = (t0: number) => {
		const t = t0 < 0 ? t0 + 1 : t0 > 1 ? t0 - 1 : t0;
		if (t < 1 / 6) return p + (q - p) * 6 * t;
		if (t < 1 / 2) return q;
		if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
		return p;
	};
	return [channel(hue + 1 / 3) * 255, channel(hue) * 255, channel(hue - 1 / 3) * 255];
};

const clamp01 = (v: number) => Math.max(0, Math.min(1, v));

/** Reshapes a colour in HSL: rotate the hue, scale saturation, remap lightness. */
export const adjust = (c: Rgb, change: { hue?: number; saturation?: number; lightness?: (l: number) => number }): Rgb => {
	const hsl = toHsl(c);
	return fromHsl({
		h: hsl.h + (change.hue ?? 0),
		s: clamp01(hsl.s * (change.saturation ?? 1)),
		l: clamp01(change.lightness ? change.lightness(hsl.l) : hsl.l),
	});
};

/**
 * Tints towards a colour at this colour's own lightness, after draining some of its saturation: a straight
 * mix of teal and amber lands on olive, a greyed teal and amber on a warm neutral.
 */
export const tint = (c: Rgb, toward: Rgb, amount: number): Rgb =>
	mix(adjust(c, { saturation: 1 - amount }), adjust(toward, { lightness: () => lightness(c) }), amount);
