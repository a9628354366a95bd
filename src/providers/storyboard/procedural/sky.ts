import { css, mix } from './color';
import type { Frame } from './frame';
import { clamp01, glow } from './paint';

/** The backdrop every landscape starts from: deep at the top, lightest at the horizon, settling into the ground. */
export const paintSky = (f: Frame, horizonY: number): void => {
	const { ctx, palette: p } = f;
	const gradient = ctx.createLinearGradient(0, 0, 0, f.height);
	const horizon = clamp01(horizonY / f.height);
	gradient.addColorStop(0, css(p.skyTop));
	gradient.addColorStop(horizon * 0.55, css(p.skyMid));
	gradient.addColorStop(horizon, css(p.horizon));
	gradient.addColorStop(1, css(mix(p.horizon, p.ground, 0.7)));
	ctx.fillStyle = gradient;
	ctx.fillRect(0, 0, f.width, f.height);
};

/**
 * The light source: a wide atmospheric bloom, a halo, then the disk. At night it is a moon; retro and neon
 * looks slice the disk with the horizon colour, the synthwave sun.
 */
export const paintSun = (f: Frame, x: number, y: number, radius: number): void => {
	const { ctx, palette: p, look } = f;
	glow(ctx, x, y, f.unit * 0.95, p.glow, look.ink ? 0.12 : 0.32);
	glow(ctx, x, y, radius * 3.4, p.glow, look.ink ? 0.15 : 0.45, 0.25);
	const disk = ctx.createLinearGradient(0, y - radius, 0, y + radius);
	disk.addColorStop(0, css(p.sun));
	disk.addColorStop(1, css(look.ink ? p.sun : mix(p.sun, p.glow, 0.6)));
	ctx.fillStyle = disk;
	ctx.globalAlpha = look.ink ? 0.88 : look.time === 'night' ? 0.92 : 1;
	ctx.beginPath();
	ctx.arc(x, y, radius, 0, Math.PI * 2);
	ctx.fill();
	ctx.globalAlpha = 1;
	if (!(look.retro || look.neon)) return;
	ctx.save();
	ctx.beginPath();
	ctx.arc(x, y, radius + 1, 0, Math.PI * 2);
	ctx.clip();
	ctx.fillStyle = css(p.horizon);
	for (let i = 0; i < 5; i++) {
		const top = y + radius * (0.1 + i * 0.2);
		ctx.fillRect(x - radius - 2, top, radius * 2 + 4, radius * (0.03 + i * 0.025));
	}
	ctx.restore();
};
