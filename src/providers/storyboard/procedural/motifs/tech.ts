import { css, mix } from '../color';
import type { Motif } from '../frame';
import { band, ellipseGlow, glow, linear, withComposite } from '../paint';
import { paintSky } from '../sky';

type Node = { x: number; y: number; depth: number };

/** A lit horizon over a perspective grid, and a constellation of connected nodes that gathers around the focus. */
export const tech: Motif = (f) => {
	const { ctx, width: w, height: h, unit: u, px, palette: p, rng, look } = f;
	const horizon = h * ((f.portrait ? 0.6 : 0.64) + rng.range(-0.04, 0.03));
	paintSky(f, horizon);
	const vanishX = w * 0.5 * 0.5 + f.focusX * 0.5;

	band(f, horizon, h, [
		[0, mix(p.near, p.horizon, 0.3), 1],
		[0.3, p.near, 1],
		[1, p.ground, 1],
	]);
	const grid = linear(ctx, 0, horizon, 0, h, [
		[0, p.accent, 0],
		[0.25, p.accent, 0.3],
		[1, p.accent, 0.14],
	]);
	ctx.save();
	ctx.strokeStyle = grid;
	ctx.lineWidth = px * 1.6;
	if (look.neon) {
		ctx.shadowColor = css(p.accent, 0.8);
		ctx.shadowBlur = px * 10;
	}
	ctx.beginPath();
	const rows = look.minimal ? 7 : 11;
	for (let k = 1; k <= rows; k++) {
		const y = horizon + (h - horizon) * (k / rows) ** 2.2;
		ctx.moveTo(0, y);
		ctx.lineTo(w, y);
	}
	const spacing = u * 0.16;
	const columns = Math.ceil(w / spacing) + 6;
	for (let j = -columns; j <= columns; j++) {
		const bottomX = vanishX + j * spacing * 1.8;
		const start = 0.05;
		ctx.moveTo(vanishX + (bottomX - vanishX) * start, horizon + (h - horizon) * start);
		ctx.lineTo(bottomX, h);
	}
	ctx.stroke();
	ctx.restore();

	withComposite(ctx, 'screen', () => {
		ellipseGlow(ctx, vanishX, horizon, w * 0.65, u * 0.06, p.accent, 0.5);
		glow(ctx, vanishX, horizon, u * 0.8, p.horizon, 0.25);
	});
	ctx.fillStyle = css(mix(p.accent, p.sun, 0.4), 0.75);
	ctx.fillRect(0, horizon - px, w, px * 2);

	const focusY = horizon * 0.5;
	const nodesRng = rng.fork('nodes');
	const cell = u * (look.minimal ? 0.2 : 0.14);
	const nodes: Node[] = [];
	for (let y = horizon * 0.12; y < horizon - u * 0.08; y += cell) {
		for (let x = w * 0.04; x < w * 0.96; x += cell) {
			const px0 = x + nodesRng.range(0.1, 0.9) * cell;
			const py0 = y + nodesRng.range(0.1, 0.9) * cell;
			const near = Math.exp(-(((px0 - f.focusX) ** 2 + (py0 - focusY) ** 2) / (0.45 * u) ** 2));
			if (nodesRng.chance(0.2 + 0.6 * near) && py0 < horizon - u * 0.06) nodes.push({ x: px0, y: py0, depth: nodesRng.next() });
		}
	}
	const weight = (n: Node) => {
		const d = Math.hypot(n.x - f.focusX, n.y - focusY) / u;
		return 0.3 + 0.7 * Math.exp(-((d / 0.6) ** 2));
	};
	ctx.save();
	ctx.lineWidth = px * 1.3;
	for (const a of nodes) {
		const nearest = nodes
			.filter((b) => b !== a)
			.map((b) => ({ b, d: Math.hypot(b.x - a.x, b.y - a.y) }))
			.sort((m, n) => m.d - n.d)
			.slice(0, 2);
		for (const { b, d } of nearest) {
			if (d > cell * 2.2) continue;
			ctx.strokeStyle = css(p.accent, 0.22 * Math.min(weight(a), weight(b)));
			ctx.beginPath();
			ctx.moveTo(a.x, a.y);
			ctx.lineTo(b.x, b.y);
			ctx.stroke();
		}
	}
	ctx.restore();
	withComposite(ctx, 'screen', () => {
		for (const n of nodes) {
			const r = px * (2.5 + 4 * n.depth);
			glow(ctx, n.x, n.y, r * 7, p.accent, 0.35 * weight(n));
		}
	});
	const hubs = new Set(nodes.filter(() => nodesRng.chance(0.12)));
	for (const n of nodes) {
		const r = px * (2.5 + 4 * n.depth);
		const alpha = 0.55 + 0.45 * weight(n);
		ctx.fillStyle = css(mix(p.accent, p.sun, 0.35), alpha);
		ctx.beginPath();
		ctx.arc(n.x, n.y, r, 0, Math.PI * 2);
		ctx.fill();
		if (hubs.has(n)) {
			ctx.strokeStyle = css(p.accent, 0.45 * alpha);
			ctx.lineWidth = px * 1.5;
			ctx.beginPath();
			ctx.arc(n.x, n.y, r * 3.2, 0, Math.PI * 2);
			ctx.stroke();
		}
	}
	ctx.save();
	ctx.strokeStyle = css(p.accent, 0.1);
	ctx.lineWidth = px * 1.2;
	for (const radius of [0.2, 0.34, 0.5]) {
		ctx.beginPath();
		ctx.arc(f.focusX, focusY, u * radius, 0, Math.PI * 2);
		ctx.stroke();
	}
	ctx.restore();
};
