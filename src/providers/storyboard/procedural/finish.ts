import { BLACK, css, lightness, mix } from './color';
import type { Frame } from './frame';
import { paintGrain } from './grain';
import { band, ellipseGlow, glow, withComposite } from './paint';

/** Settles the lower third under the captions, then the look's treatment, vignette and grain. */
export const finish = (f: Frame): void => {
	const { ctx, width: w, height: h, unit: u, palette: p, look, rng } = f;
	const light = lightness(p.skyMid) > 0.55;
	band(f, h * 0.6, h, [
		[0, p.ground, 0],
		[1, p.ground, light ? 0.25 : 0.4],
	]);

	if (look.watercolor || look.ink) {
		const paper = rng.fork('paper');
		withComposite(ctx, 'multiply', () => {
			for (let i = 0; i < 10; i++) {
				const [x, y] = [paper.range(0, w), paper.range(0, h)];
				ellipseGlow(ctx, x, y, u * paper.range(0.15, 0.45), u * paper.range(0.1, 0.3), mix(p.mid, p.skyMid, 0.5), 0.07, 0.5);
			}
		});
	}
	if (look.neon) withComposite(ctx, 'screen', () => glow(ctx, f.focusX, h * 0.45, u * 0.9, p.highlight, 0.12));
	if (look.retro) {
		withComposite(ctx, 'soft-light', () => {
			ctx.fillStyle = '#e0a060';
			ctx.globalAlpha = 0.35;
			ctx.fillRect(0, 0, w, h);
			ctx.globalAlpha = 1;
		});
		withComposite(ctx, 'lighten', () => {
			ctx.fillStyle = '#241a14';
			ctx.fillRect(0, 0, w, h);
		});
	}

	const strength = look.minimal ? 0.3 : light ? 0.22 : look.neon ? 0.55 : 0.45;
	const shade = light ? mix(p.near, BLACK, 0.3) : BLACK;
	const diagonal = Math.hypot(w, h) / 2;
	const vignette = ctx.createRadialGradient(w / 2, h * 0.45, diagonal * 0.4, w / 2, h * 0.45, diagonal * 1.05);
	vignette.addColorStop(0, css(shade, 0));
	vignette.addColorStop(1, css(shade, strength));
	ctx.fillStyle = vignette;
	ctx.fillRect(0, 0, w, h);

	// overlay grain bites harder on light paper than in shadows, so light pictures get less of it
	const grain = (look.retro ? 0.12 : look.watercolor || look.ink ? 0.09 : look.minimal ? 0.04 : 0.07) * (light ? 0.55 : 1);
	paintGrain(f, rng.fork('grain'), grain);
};
