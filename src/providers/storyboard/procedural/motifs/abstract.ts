import { css, mix, WHITE } from '../color';
import type { Motif } from '../frame';
import { fbm1d } from '../noise';
import { fillPath, glow, linear, withComposite } from '../paint';

/** No recognisable subject: soft colour fields, flowing ribbons and one sculpted form catching the light. */
export const abstract: Motif = (f) => {
	const { ctx, width: w, height: h, unit: u, px, palette: p, rng, look } = f;
	const angle = rng.range(0, Math.PI * 2);
	const reach = Math.hypot(w, h) / 2;
	const [dx, dy] = [Math.cos(angle) * reach, Math.sin(angle) * reach];
	ctx.fillStyle = linear(ctx, w / 2 - dx, h / 2 - dy, w / 2 + dx, h / 2 + dy, [
		[0, p.skyTop, 1],
		[0.55, p.skyMid, 1],
		[1, mix(p.mid, p.ground, 0.5), 1],
	]);
	ctx.fillRect(0, 0, w, h);

	const focusY = h * rng.range(0.3, 0.42);
	const fields = rng.fork('fields');
	withComposite(ctx, 'screen', () => {
		glow(ctx, f.focusX, focusY, u * 0.9, p.horizon, 0.4);
		glow(ctx, fields.range(0, w), fields.range(0.1, 0.6) * h, u * fields.range(0.5, 0.9), p.accent, 0.25);
		glow(ctx, fields.range(0, w), fields.range(0.1, 0.7) * h, u * fields.range(0.4, 0.7), p.highlight, 0.14);
	});

	const ribbons = look.minimal ? 1 : 3;
	for (let i = 0; i < ribbons; i++) {
		const r = rng.fork(`ribbon-${i}`);
		const noise = fbm1d(r, 2);
		const y0 = h * r.range(0.3, 0.62);
		const slope = r.range(-0.25, 0.25) * u;
		const amplitude = u * r.range(0.05, 0.12);
		const frequency = r.range(1.5, 2.6);
		const thickness = u * r.range(0.04, 0.12);
		const centre = (x: number) => y0 + slope * (x / w - 0.5) + amplitude * (Math.sin((x / u) * frequency + i * 2.1) + 0.5 * noise(x / u));
		const half = (x: number) => thickness * (0.35 + 0.65 * Math.sin(Math.PI * (x / w)) ** 2);
		const step = px * 8;
		const colour = [p.accent, p.highlight, p.horizon][i % 3]!;
		const fill = linear(ctx, 0, 0, w, 0, [
			[0, colour, 0],
			[0.5, colour, 0.32],
			[1, colour, 0],
		]);
		withComposite(ctx, 'screen', () =>
			fillPath(
				f,
				(c) => {
					c.moveTo(0, centre(0) - half(0));
					for (let x = 0; x <= w + step; x += step) c.lineTo(x, centre(x) - half(x));
					for (let x = w + step; x >= 0; x -= step) c.lineTo(x, centre(x) + half(x));
					c.closePath();
				},
				fill,
			),
		);
		ctx.save();
		ctx.strokeStyle = linear(ctx, 0, 0, w, 0, [
			[0, WHITE, 0],
			[0.5, mix(colour, WHITE, 0.5), 0.35],
			[1, WHITE, 0],
		]);
		ctx.lineWidth = px * 1.5;
		ctx.beginPath();
		for (let x = 0; x <= w; x += step) ctx.lineTo(x, centre(x) - half(x));
		ctx.stroke();
		ctx.restore();
	}

	const radius = u * rng.range(0.16, 0.24);
	const edge = fbm1d(rng.fork('form'), 2);
	const lightX = f.focusX - radius * 0.45;
	const lightY = focusY - radius * 0.5;
	const body = ctx.createRadialGradient(lightX, lightY, radius * 0.05, f.focusX, focusY, radius * 1.25);
	// one hue family from highlight to shadow: mixing complementary accents would turn the form muddy
	body.addColorStop(0, css(mix(p.accent, WHITE, 0.55)));
	body.addColorStop(0.35, css(p.accent));
	body.addColorStop(0.8, css(mix(p.accent, p.ground, 0.45)));
	body.addColorStop(1, css(mix(p.accent, p.ground, 0.65)));
	ctx.save();
	ctx.shadowColor = css(p.ground, 0.5);
	ctx.shadowBlur = u * 0.08;
	ctx.shadowOffsetY = u * 0.03;
	fillPath(
		f,
		(c) => {
			for (let k = 0; k <= 64; k++) {
				const theta = (k / 64) * Math.PI * 2;
				const r = radius * (1 + 0.09 * edge(Math.cos(theta) * 1.2 + 3) + 0.05 * edge(Math.sin(theta) * 1.2 + 7));
				c.lineTo(f.focusX + Math.cos(theta) * r, focusY + Math.sin(theta) * r);
			}
			c.closePath();
		},
		body,
	);
	ctx.restore();

	ctx.save();
	ctx.strokeStyle = css(mix(p.accent, WHITE, 0.3), 0.14);
	ctx.lineWidth = px * 1.4;
	for (const scale of look.minimal ? [1.6] : [1.55, 2.15]) {
		ctx.beginPath();
		ctx.arc(f.focusX, focusY, radius * scale, 0, Math.PI * 2);
		ctx.stroke();
	}
	ctx.restore();
	const satellite = u * 0.045;
	// the satellite rides the inner orbit on the side facing the frame's centre, so it never leaves the picture
	const orbit = Math.atan2(h * 0.45 - focusY, w / 2 - f.focusX) + rng.range(-1, 1);
	const sx = f.focusX + radius * 1.55 * Math.cos(orbit);
	const sy = focusY + radius * 1.55 * Math.sin(orbit);
	const moon = ctx.createRadialGradient(sx - satellite * 0.4, sy - satellite * 0.4, 0, sx, sy, satellite);
	moon.addColorStop(0, css(mix(p.sun, WHITE, 0.3)));
	moon.addColorStop(1, css(p.accent));
	ctx.fillStyle = moon;
	ctx.beginPath();
	ctx.arc(sx, sy, satellite, 0, Math.PI * 2);
	ctx.fill();
};
