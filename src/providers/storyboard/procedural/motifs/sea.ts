import { css, mix } from '../color';
import type { Motif } from '../frame';
import { fbm1d } from '../noise';
import { band, ellipseGlow, fillPath, linear, traceBelow, withComposite } from '../paint';
import { paintSky, paintSun } from '../sky';

/** An open horizon: low sun, its path of light across the water, and swells that widen towards the viewer. */
export const sea: Motif = (f) => {
	const { ctx, width: w, height: h, unit: u, palette: p, rng, look } = f;
	const horizon = h * ((f.portrait ? 0.5 : 0.56) + rng.range(-0.05, 0.04));
	paintSky(f, horizon);

	const clouds = rng.fork('clouds');
	const cloudCount = look.minimal ? 2 : 5;
	for (let i = 0; i < cloudCount; i++) {
		const y = horizon * clouds.range(0.2, 0.85);
		const [rx, ry] = [u * clouds.range(0.35, 0.7), u * clouds.range(0.02, 0.045)];
		ellipseGlow(ctx, clouds.range(0, w), y, rx, ry, mix(p.horizon, p.glow, 0.3), 0.28);
	}

	const sunX = f.focusX;
	ctx.save();
	ctx.beginPath();
	ctx.rect(0, 0, w, horizon);
	ctx.clip();
	paintSun(f, sunX, horizon - u * rng.range(0.04, 0.16), u * rng.range(0.055, 0.08));
	ctx.restore();

	const water = mix(p.horizon, p.mid, 0.45);
	band(f, horizon, h, [
		[0, water, 1],
		[0.35, p.mid, 1],
		[1, p.ground, 1],
	]);
	withComposite(ctx, 'screen', () => {
		ellipseGlow(ctx, sunX, horizon, u * 0.7, u * 0.06, p.glow, 0.55);
		ellipseGlow(ctx, sunX, horizon + (h - horizon) * 0.25, u * 0.12, (h - horizon) * 0.45, p.glow, 0.22);
		const glints = rng.fork('glints');
		const count = look.minimal ? 40 : 90;
		for (let i = 0; i < count; i++) {
			const depth = glints.next() ** 1.6;
			const y = horizon + (h - horizon) * depth * 0.75;
			const spread = u * (0.02 + 0.22 * depth) * (glints.next() + glints.next() - 1);
			const length = u * (0.015 + 0.09 * depth) * glints.range(0.5, 1.2);
			ctx.fillStyle = css(p.glow, 0.7 * (1 - depth) ** 1.4);
			ctx.fillRect(sunX + spread - length / 2, y, length, f.px * (1.2 + 4 * depth));
		}
	});

	const swells = look.minimal ? 4 : 7;
	for (let k = 1; k <= swells; k++) {
		const d = (k / (swells + 1)) ** 1.5;
		const y0 = horizon + (h - horizon) * d;
		const amplitude = u * (0.004 + 0.035 * d);
		const frequency = 9 - 6 * d;
		const noise = fbm1d(rng.fork(`swell-${k}`), 2);
		const profile = (x: number) => y0 + amplitude * (Math.sin((x / u) * frequency + k * 1.7) * 0.6 + noise((x / u) * frequency * 0.7) * 0.8);
		const tone = mix(mix(water, p.near, d), p.ground, d * 0.5);
		fillPath(
			f,
			traceBelow(f, profile),
			linear(ctx, 0, y0 - amplitude, 0, h, [
				[0, tone, 0.45],
				[1, p.ground, 0.45],
			]),
		);
		ctx.save();
		ctx.strokeStyle = css(p.glow, 0.16 * (1 - d));
		ctx.lineWidth = f.px * (1 + 2 * d);
		ctx.beginPath();
		for (let x = 0; x <= w; x += f.px * 8) ctx.lineTo(x, profile(x));
		ctx.stroke();
		ctx.restore();
	}
};
