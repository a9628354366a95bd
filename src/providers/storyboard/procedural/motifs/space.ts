import { adjust, css, mix } from '../color';
import type { Motif } from '../frame';
import { ellipseGlow, glow, linear, withComposite } from '../paint';

/** Deep sky: a nebula drifting along a diagonal, a field of stars, and a planet's lit limb below. */
export const space: Motif = (f) => {
	const { ctx, width: w, height: h, unit: u, px, palette: p, rng, look } = f;
	ctx.fillStyle = linear(ctx, 0, 0, w * 0.3, h, [
		[0, p.ground, 1],
		[0.45, p.skyTop, 1],
		[1, mix(p.skyMid, p.ground, 0.4), 1],
	]);
	ctx.fillRect(0, 0, w, h);

	const cloud = rng.fork('nebula');
	const angle = cloud.range(-0.6, 0.6) + Math.PI / 2;
	const cy = h * 0.38;
	withComposite(ctx, 'screen', () => {
		const colours = [p.skyMid, p.accent, p.horizon, adjust(p.accent, { hue: -50 }), p.highlight];
		const puffs = look.minimal ? 5 : 10;
		for (let i = 0; i < puffs; i++) {
			const along = cloud.range(-0.7, 0.7) * Math.max(w, h) * 0.5;
			const x = f.focusX + Math.cos(angle) * along + cloud.range(-0.1, 0.1) * u;
			const y = cy + Math.sin(angle) * along * 0.6 + cloud.range(-0.1, 0.1) * u;
			const colour = colours[i % colours.length]!;
			ellipseGlow(ctx, x, y, u * cloud.range(0.3, 0.6), u * cloud.range(0.15, 0.35), colour, cloud.range(0.18, 0.38));
		}
	});

	const stars = rng.fork('stars');
	const count = Math.round(((w * h) / (u * u)) * (look.minimal ? 90 : 200));
	for (let i = 0; i < count; i++) {
		const z = stars.next() ** 3;
		ctx.fillStyle = css(mix(p.sun, p.accent, stars.next() * 0.3), 0.25 + 0.65 * z);
		ctx.beginPath();
		ctx.arc(stars.range(0, w), stars.range(0, h * 0.8), px * (0.7 + 1.8 * z), 0, Math.PI * 2);
		ctx.fill();
	}
	withComposite(ctx, 'screen', () => {
		for (let i = 0; i < 5; i++) {
			const x = stars.range(0.05, 0.95) * w;
			const y = stars.range(0.05, 0.6) * h;
			glow(ctx, x, y, px * 16, p.sun, 0.7, 0.1);
			ellipseGlow(ctx, x, y, px * 40, px * 1.4, p.sun, 0.6, 0.1);
			ellipseGlow(ctx, x, y, px * 1.4, px * 26, p.sun, 0.45, 0.1);
		}
	});

	const radius = u * (f.portrait ? 0.95 : 0.8);
	const cap = h * (f.portrait ? 0.3 : 0.27);
	const px0 = w * 0.5 + (f.focusX - w * 0.5) * 0.6;
	const py0 = h - cap + radius;
	withComposite(ctx, 'screen', () => {
		const halo = ctx.createRadialGradient(px0, py0, radius * 0.97, px0, py0, radius * 1.12);
		halo.addColorStop(0, css(p.accent, 0.5));
		halo.addColorStop(0.25, css(p.accent, 0.2));
		halo.addColorStop(1, css(p.accent, 0));
		ctx.fillStyle = halo;
		ctx.fillRect(px0 - radius * 1.15, py0 - radius * 1.15, radius * 2.3, radius * 1.15);
	});
	ctx.fillStyle = linear(ctx, 0, h - cap, 0, h, [
		[0, mix(p.far, p.near, 0.45), 1],
		[0.3, p.near, 1],
		[1, p.ground, 1],
	]);
	ctx.beginPath();
	ctx.arc(px0, py0, radius, 0, Math.PI * 2);
	ctx.fill();
	ctx.save();
	ctx.strokeStyle = css(mix(p.accent, p.sun, 0.4), 0.7);
	ctx.lineWidth = px * 2.5;
	if (look.neon) {
		ctx.shadowColor = css(p.accent);
		ctx.shadowBlur = px * 14;
	}
	ctx.beginPath();
	ctx.arc(px0, py0, radius, Math.PI * 1.08, Math.PI * 1.92);
	ctx.stroke();
	ctx.restore();
};
