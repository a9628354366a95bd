import { css, mix, type Rgb } from '../color';
import type { Frame, Motif } from '../frame';
import { band, ellipseGlow, fillPath, linear, withComposite } from '../paint';
import type { Rng } from '../prng';
import { paintSky, paintSun } from '../sky';

type Building = { x: number; width: number; top: number; roof: 'flat' | 'spire' | 'stepped' | 'slant' };

const skyline = (f: Frame, rng: Rng, baseline: number, widths: [number, number], heights: [number, number], clusterX: number) => {
	const { unit: u } = f;
	const buildings: Building[] = [];
	for (let x = -rng.range(0, widths[1] * u); x < f.width;) {
		const width = u * rng.range(widths[0], widths[1]);
		const centre = x + width / 2;
		const cluster = 0.55 + 0.75 * Math.exp(-(((centre - clusterX) / (0.55 * u)) ** 2));
		const height = u * rng.range(heights[0], heights[1]) * cluster;
		const roll = rng.next();
		const roof = roll < 0.68 ? 'flat' : roll < 0.8 ? 'stepped' : roll < 0.92 ? 'spire' : 'slant';
		buildings.push({ x, width, top: baseline - height, roof });
		x += width * rng.range(0.82, 1.04);
	}
	return buildings;
};

const traceBuildings = (f: Frame, buildings: readonly Building[], baseline: number) => (ctx: Frame['ctx']) => {
	for (const b of buildings) {
		ctx.rect(b.x, b.top, b.width, baseline - b.top + 2);
		if (b.roof === 'stepped') ctx.rect(b.x + b.width * 0.2, b.top - b.width * 0.35, b.width * 0.6, b.width * 0.36);
		if (b.roof === 'spire') ctx.rect(b.x + b.width * 0.47, b.top - b.width * 0.9, Math.max(f.px * 2, b.width * 0.06), b.width * 0.91);
		if (b.roof === 'slant') {
			ctx.moveTo(b.x, b.top + 1);
			ctx.lineTo(b.x + b.width, b.top - b.width * 0.4);
			ctx.lineTo(b.x + b.width, b.top + 1);
			ctx.closePath();
		}
	}
};

const windows = (f: Frame, rng: Rng, buildings: readonly Building[], baseline: number, colours: readonly Rgb[], density: number) => {
	const { ctx, px } = f;
	const cell = px * 16;
	for (const b of buildings) {
		if (!rng.chance(0.6)) continue;
		for (let y = b.top + cell; y < baseline - cell; y += cell * 1.3) {
			for (let x = b.x + cell * 0.6; x < b.x + b.width - cell * 0.6; x += cell) {
				if (!rng.chance(density)) continue;
				ctx.fillStyle = css(rng.pick(colours), rng.range(0.35, 0.75));
				ctx.fillRect(x, y, cell * 0.45, cell * 0.6);
			}
		}
	}
};

/** The edge facing the light catches it: a thin lit side gives flat blocks their volume. */
const rimLight = (f: Frame, buildings: readonly Building[], baseline: number, alpha: number) => {
	const { ctx, px } = f;
	ctx.fillStyle = linear(ctx, 0, baseline - f.unit * 0.4, 0, baseline, [
		[0, f.palette.glow, alpha],
		[1, f.palette.glow, alpha * 0.2],
	]);
	for (const b of buildings) {
		const towardLight = b.x + b.width / 2 < f.focusX;
		ctx.fillRect(towardLight ? b.x + b.width - px * 3 : b.x, b.top, px * 3, baseline - b.top);
	}
};

/** A skyline at dusk in three depths, over still water that carries its lights. */
export const city: Motif = (f) => {
	const { ctx, width: w, height: h, unit: u, palette: p, rng, look } = f;
	const baseline = h * ((f.portrait ? 0.66 : 0.7) + rng.range(-0.04, 0.02));
	paintSky(f, baseline);
	paintSun(f, f.focusX, baseline - u * (f.portrait ? rng.range(0.5, 0.62) : rng.range(0.3, 0.4)), u * rng.range(0.045, 0.065));

	const clusterX = w - f.focusX + rng.range(-0.1, 0.1) * u;
	const lights: Rgb[] = look.neon ? [p.accent, p.highlight, p.glow] : [p.highlight, p.glow];
	const layers = [
		{ widths: [0.03, 0.07], heights: [0.14, 0.42], colour: mix(mix(p.skyMid, p.horizon, 0.4), p.mid, 0.3), lit: 0 },
		{ widths: [0.05, 0.1], heights: [0.1, 0.3], colour: mix(p.mid, p.near, 0.3), lit: look.minimal ? 0.06 : 0.16 },
		{ widths: [0.07, 0.15], heights: [0.04, 0.16], colour: p.near, lit: look.minimal ? 0 : 0.05 },
	] as const;
	layers.forEach((layer, i) => {
		const layerRng = rng.fork(`skyline-${i}`);
		const buildings = skyline(f, layerRng, baseline, [...layer.widths], [...layer.heights], clusterX);
		fillPath(f, traceBuildings(f, buildings, baseline), css(layer.colour));
		if (i > 0) rimLight(f, buildings, baseline, i === 1 ? 0.3 : 0.18);
		if (layer.lit > 0) windows(f, layerRng, buildings, baseline, lights, layer.lit);
		band(f, baseline - u * 0.22, baseline, [
			[0, p.horizon, 0],
			[1, p.horizon, 0.3 - i * 0.08],
		]);
	});

	const water = mix(p.near, p.horizon, 0.25);
	band(f, baseline, h, [
		[0, water, 1],
		[0.4, p.near, 1],
		[1, p.ground, 1],
	]);
	ctx.fillStyle = css(p.glow, 0.35);
	ctx.fillRect(0, baseline, w, f.px * 2);
	withComposite(ctx, 'screen', () => {
		ellipseGlow(ctx, f.focusX, baseline + u * 0.02, u * 0.5, u * 0.05, p.glow, 0.35);
		const streaks = rng.fork('streaks');
		const count = look.minimal ? 6 : 16;
		for (let i = 0; i < count; i++) {
			const x = streaks.range(0, w);
			const length = u * streaks.range(0.04, 0.2);
			const top = baseline + f.px * 6;
			ctx.fillStyle = linear(ctx, 0, top, 0, top + length, [
				[0, streaks.pick(lights), streaks.range(0.1, 0.25)],
				[1, p.near, 0],
			]);
			ctx.fillRect(x, top, f.px * streaks.range(3, 8), length);
		}
	});
};
