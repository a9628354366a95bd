import { css, type Rgb } from './color';
import type { Frame } from './frame';

type Ctx = Frame['ctx'];
export type Gradient = ReturnType<Ctx['createLinearGradient']>;

export type Stop = readonly [offset: number, color: Rgb, alpha: number];

export const clamp01 = (v: number): number => Math.max(0, Math.min(1, v));

export const linear = (ctx: Ctx, x0: number, y0: number, x1: number, y1: number, stops: readonly Stop[]): Gradient => {
	const gradient = ctx.createLinearGradient(x0, y0, x1, y1);
	for (const [offset, color, alpha] of stops) gradient.addColorStop(clamp01(offset), css(color, alpha));
	return gradient;
};

/** A vertical gradient band across the whole width. */
export const band = (f: Frame, y0: number, y1: number, stops: readonly Stop[]): void => {
	f.ctx.fillStyle = linear(f.ctx, 0, y0, 0, y1, stops);
	f.ctx.fillRect(0, Math.min(y0, y1), f.width, Math.abs(y1 - y0));
};

/** A soft round light; only its bounding square is filled, which keeps the raster work small. */
export const glow = (ctx: Ctx, x: number, y: number, radius: number, color: Rgb, alpha: number, core = 0.35): void => {
	if (radius <= 0 || alpha <= 0) return;
	const gradient = ctx.createRadialGradient(x, y, 0, x, y, radius);
	gradient.addColorStop(0, css(color, alpha));
	gradient.addColorStop(core, css(color, alpha * 0.45));
	gradient.addColorStop(1, css(color, 0));
	ctx.fillStyle = gradient;
	ctx.fillRect(x - radius, y - radius, radius * 2, radius * 2);
};

/** An elliptical light: a round glow drawn in a squashed space (an intended ellipse, not a stretched picture). */
export const ellipseGlow = (ctx: Ctx, x: number, y: number, rx: number, ry: number, color: Rgb, alpha: number, core = 0.35): void => {
	if (rx <= 0 || ry <= 0) return;
	ctx.save();
	ctx.translate(x, y);
	ctx.scale(1, ry / rx);
	glow(ctx, 0, 0, rx, color, alpha, core);
	ctx.restore();
};

const BLEED: readonly (readonly [number, number])[] = [
	[0.9, -0.6],
	[-0.7, 0.8],
	[0.1, 0.2],
];

/**
 * Fills a path; in watercolour it is laid three times, slightly offset and thin, so edges pool and bleed
 * like pigment instead of cutting clean.
 */
export const fillPath = (f: Frame, trace: (ctx: Ctx) => void, fill: string | Gradient, alpha = 1): void => {
	const { ctx } = f;
	ctx.save();
	ctx.fillStyle = fill;
	if (!f.look.watercolor) {
		ctx.globalAlpha = alpha;
		ctx.beginPath();
		trace(ctx);
		ctx.fill();
	} else {
		ctx.globalAlpha = alpha * 0.5;
		for (const [dx, dy] of BLEED) {
			ctx.save();
			ctx.translate(dx * f.px * 5, dy * f.px * 5);
			ctx.beginPath();
			trace(ctx);
			ctx.fill();
			ctx.restore();
		}
	}
	ctx.restore();
};

/** Traces the area under a profile y(x), down to the bottom edge. */
export const traceBelow =
	(f: Frame, profile: (x: number) => number, step = f.px * 6) =>
	(ctx: Ctx): void => {
		ctx.moveTo(-step, f.height + 1);
		for (let x = -step; x <= f.width + step; x += step) ctx.lineTo(x, profile(x));
		ctx.lineTo(f.width + step, f.height + 1);
		ctx.closePath();
	};

export const withComposite = (ctx: Ctx, mode: Ctx['globalCompositeOperation'], paint: () => void): void => {
	const previous = ctx.globalCompositeOperation;
	ctx.globalCompositeOperation = mode;
	paint();
	ctx.globalCompositeOperation = previous;
};
