import { mix } from '../color';
import type { Motif } from '../frame';
import { fbm1d } from '../noise';
import { band, fillPath, linear, traceBelow } from '../paint';
import { paintSky, paintSun } from '../sky';

/** Layered ridges from hazy far peaks to a dark, smooth foreground; mist settles in every valley. */
export const mountain: Motif = (f) => {
	const { width: w, height: h, unit: u, palette: p, rng, look } = f;
	const horizon = h * ((f.portrait ? 0.5 : 0.56) + rng.range(-0.05, 0.04));
	paintSky(f, horizon);
	paintSun(f, f.focusX, horizon - u * rng.range(0.2, 0.34), u * rng.range(0.05, 0.075));

	const layers = look.minimal ? 3 : 5;
	const peakX = w - f.focusX + rng.range(-0.15, 0.15) * u;
	for (let i = 0; i < layers; i++) {
		const t = i / (layers - 1);
		const noise = fbm1d(rng.fork(`ridge-${i}`), 4);
		const base = horizon + (h - horizon) * (0.05 + 0.5 * t ** 1.3);
		const amplitude = u * (0.24 - 0.17 * t);
		const frequency = 1.3 + 1.4 * t;
		const sharp = t < 0.5;
		const profile = (x: number) => {
			const n = noise((x / u) * frequency);
			const shape = sharp ? 1 - Math.abs(n) * 1.3 : 0.5 + n * 0.6;
			const peak = i === 0 ? 0.55 + 0.7 * Math.exp(-(((x - peakX) / (0.4 * u)) ** 2)) : 1;
			return base - amplitude * shape * peak;
		};
		const top = mix(mix(p.far, p.near, t ** 0.9), p.horizon, (1 - t) * 0.2);
		const foot = look.ink ? p.ground : mix(top, p.horizon, 0.3 - 0.2 * t);
		const fill = linear(f.ctx, 0, base - amplitude, 0, base + u * (0.12 + 0.2 * t), [
			[0, top, 1],
			[1, foot, look.ink ? 0.15 : 1],
		]);
		fillPath(f, traceBelow(f, profile), fill);
		if (i < layers - 1) {
			const mist = look.ink ? p.ground : p.horizon;
			band(f, base - amplitude * 0.25, base + u * 0.1, [
				[0, mist, 0],
				[0.7, mist, look.ink ? 0.55 : 0.22],
				[1, mist, 0],
			]);
		}
	}
};
