import { mix } from '../color';
import type { Frame, Motif } from '../frame';
import { fbm1d } from '../noise';
import { band, fillPath, glow, linear, traceBelow, withComposite } from '../paint';
import { paintSky } from '../sky';

/** A conifer in three drooping tiers, each wider than the one above. */
const traceTree = (ctx: Frame['ctx'], x: number, base: number, height: number) => {
	const tiers = [
		[0, 0.45, 0.13],
		[0.25, 0.72, 0.19],
		[0.5, 1, 0.25],
	] as const;
	for (const [top, bottom, half] of tiers) {
		const y0 = base - height + height * top;
		const y1 = base - height + height * bottom;
		// the lowest tier sits flat and sinks into the ground, or its droop would show a sliver of sky
		const droop = bottom === 1 ? -height * 0.03 : height * 0.04;
		ctx.moveTo(x, y0);
		ctx.quadraticCurveTo(x + height * half * 0.45, y0 + (y1 - y0) * 0.6, x + height * half, y1);
		ctx.quadraticCurveTo(x, y1 - droop, x - height * half, y1);
		ctx.quadraticCurveTo(x - height * half * 0.45, y0 + (y1 - y0) * 0.6, x, y0);
		ctx.closePath();
	}
	ctx.rect(x - height * 0.02, base - height * 0.05, height * 0.04, height * 0.06);
};

/** Misty rows of conifers on rolling ground, light falling through from above, a clearing in front. */
export const forest: Motif = (f) => {
	const { ctx, width: w, height: h, unit: u, palette: p, rng, look } = f;
	const horizon = h * ((f.portrait ? 0.55 : 0.6) + rng.range(-0.04, 0.03));
	paintSky(f, horizon);
	const sourceX = f.focusX;
	const sourceY = -h * 0.08;
	glow(ctx, sourceX, h * 0.1, u * 1.1, p.glow, 0.4);

	if (!look.ink) {
		const rays = rng.fork('rays');
		withComposite(ctx, 'screen', () => {
			for (let i = 0; i < (look.minimal ? 3 : 6); i++) {
				const angle = Math.PI / 2 + rays.range(-0.55, 0.55);
				const spread = rays.range(0.02, 0.06);
				const reach = h * 1.2;
				ctx.fillStyle = linear(ctx, sourceX, sourceY, sourceX + Math.cos(angle) * reach, sourceY + Math.sin(angle) * reach, [
					[0, p.glow, rays.range(0.12, 0.22)],
					[0.7, p.glow, 0],
				]);
				ctx.beginPath();
				ctx.moveTo(sourceX, sourceY);
				ctx.lineTo(sourceX + Math.cos(angle - spread) * reach, sourceY + Math.sin(angle - spread) * reach);
				ctx.lineTo(sourceX + Math.cos(angle + spread) * reach, sourceY + Math.sin(angle + spread) * reach);
				ctx.closePath();
				ctx.fill();
			}
		});
	}

	const rows = look.minimal ? 3 : 4;
	for (let i = 0; i < rows; i++) {
		const t = i / (rows - 1);
		const rowRng = rng.fork(`row-${i}`);
		const ground = fbm1d(rowRng, 3);
		const base = horizon + (h - horizon) * (0.02 + 0.5 * t ** 1.4);
		const roll = u * (0.03 + 0.04 * t);
		const groundAt = (x: number) => base - roll * (0.5 + 0.5 * ground((x / u) * 1.2));
		const colour = mix(mix(p.far, p.near, t ** 0.8), p.horizon, (1 - t) * 0.25);
		const treeHeight = u * (0.06 + 0.22 * t ** 1.2);
		const trace = (c: Frame['ctx']) => {
			traceBelow(f, groundAt)(c);
			for (let x = -treeHeight * 0.2; x < w + treeHeight * 0.2; x += treeHeight * rowRng.range(0.22, 0.42)) {
				// the nearest row parts around the centre, leaving a calm clearing under the captions
				const clearing = i === rows - 1 && Math.abs(x - w / 2) < w * 0.28;
				if (clearing || rowRng.chance(0.12)) continue;
				traceTree(c, x, groundAt(x), treeHeight * rowRng.range(0.65, 1.2));
			}
		};
		fillPath(
			f,
			trace,
			linear(ctx, 0, base - treeHeight, 0, h, [
				[0, colour, 1],
				[1, mix(colour, p.ground, 0.6), 1],
			]),
		);
		if (i < rows - 1) {
			const mist = look.ink ? p.ground : p.horizon;
			band(f, base - treeHeight * 0.6, base + u * 0.06, [
				[0, mist, 0],
				[0.75, mist, look.ink ? 0.6 : 0.3],
				[1, mist, 0],
			]);
		}
	}

	if (!look.minimal) {
		const motes = rng.fork('motes');
		withComposite(ctx, 'screen', () => {
			for (let i = 0; i < 16; i++) {
				const x = sourceX + motes.range(-0.35, 0.35) * u;
				const y = motes.range(0.15, 0.6) * h;
				glow(ctx, x, y, f.px * motes.range(6, 16), p.sun, motes.range(0.2, 0.5), 0.2);
			}
		});
	}
};
