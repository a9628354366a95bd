import { adjust, css, hex, mix, type Rgb, tint } from '../color';
import type { Motif } from '../frame';
import { band, ellipseGlow, glow, withComposite } from '../paint';

/** Out-of-focus warm lights behind a table edge: café, kitchen, candlelight. */
export const bokeh: Motif = (f) => {
	const { ctx, width: w, height: h, unit: u, px, palette: p, rng, look } = f;
	const ember = hex('#f07a34');
	const warm = (c: Rgb) => (look.ink || look.temperature === 'cool' ? c : tint(c, ember, 0.15));
	const tableY = h * ((f.portrait ? 0.7 : 0.72) + rng.range(-0.03, 0.03));

	band(f, 0, tableY, [
		[0, warm(mix(p.near, p.skyMid, 0.2)), 1],
		[0.6, warm(mix(p.near, p.mid, 0.55)), 1],
		[1, warm(mix(p.mid, p.glow, 0.25)), 1],
	]);
	const lightY = h * rng.range(0.22, 0.38);
	withComposite(ctx, 'screen', () => glow(ctx, f.focusX, lightY, u * 1.0, warm(mix(p.glow, p.highlight, 0.5)), 0.3));

	const lights = rng.fork('bokeh');
	const colours = [warm(p.glow), p.highlight, mix(p.highlight, ember, 0.5), warm(p.accent)].map((c) => adjust(c, { saturation: 1.3 }));
	const count = look.minimal ? 14 : 34;
	withComposite(ctx, 'screen', () => {
		for (let i = 0; i < count; i++) {
			const z = lights.next();
			const radius = u * (0.02 + 0.1 * z * z);
			const toward = lights.range(0, 0.6);
			const x = lights.range(-0.05, 1.05) * w * (1 - toward) + f.focusX * toward;
			const y = lights.range(0.04, 0.95) * tableY * (1 - toward) + lightY * toward;
			const alpha = (0.16 + 0.34 * (1 - z)) * (look.minimal ? 0.8 : 1);
			const colour = lights.pick(colours);
			const disk = ctx.createRadialGradient(x, y, 0, x, y, radius);
			disk.addColorStop(0, css(colour, alpha * 0.55));
			disk.addColorStop(0.78, css(colour, alpha * 0.7));
			disk.addColorStop(0.93, css(colour, alpha));
			disk.addColorStop(1, css(colour, 0));
			ctx.fillStyle = disk;
			ctx.fillRect(x - radius, y - radius, radius * 2, radius * 2);
		}
	});

	const top = warm(mix(p.mid, p.glow, 0.2));
	band(f, tableY, h, [
		[0, top, 1],
		[0.25, warm(p.near), 1],
		[1, p.ground, 1],
	]);
	ctx.fillStyle = css(warm(p.glow), 0.4);
	ctx.fillRect(0, tableY - px, w, px * 2.5);
	withComposite(ctx, 'screen', () => ellipseGlow(ctx, f.focusX, tableY + u * 0.03, u * 0.55, u * 0.05, warm(p.glow), 0.3));
};
