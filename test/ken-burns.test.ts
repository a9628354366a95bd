import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MOTION_NAMES, type MotionName } from '../src/schema/motions';
import { ASPECT_RATIOS, ASPECT_SIZES, type AspectRatio } from '../src/schema/platforms';
import {
	chooseMotion,
	coverageMargin,
	FRAME_CENTRE,
	KEN_BURNS_MAX_SCALE,
	kenBurnsAt,
	kenBurnsCss,
	type FocusPoint,
	type KenBurnsTransform,
} from '../src/timeline/ken-burns';
import { layoutFor } from '../src/timeline/layout';

const STEPS = 200;
const progressSteps = Array.from({ length: STEPS + 1 }, (_, i) => i / STEPS);

const exampleScenes = ['ai-tools-douyin.json', 'morning-routine-youtube.json'].flatMap(
	(name) =>
		JSON.parse(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8')).scenes as {
			scene_id: number;
			visual_description: string;
		}[],
);

const layoutOf = (aspect: AspectRatio) => layoutFor(aspect, ASPECT_SIZES[aspect].width, ASPECT_SIZES[aspect].height);
const focusOf = (aspect: AspectRatio) => layoutOf(aspect).kenBurnsFocus;

/** Where a point of the frame (fractions) is drawn once the transform is applied: scale about the centre, then move. */
const drawnAt = ({ scale, x, y }: KenBurnsTransform, point: FocusPoint): FocusPoint => ({
	x: 0.5 + scale * (point.x - 0.5) + x,
	y: 0.5 + scale * (point.y - 0.5) + y,
});

const PANS = ['pan_left', 'pan_right', 'pan_up', 'pan_down'] as const;
const ZOOMS = ['zoom_in', 'zoom_out'] as const;
const panAxis = (motion: (typeof PANS)[number]) => (motion === 'pan_left' || motion === 'pan_right' ? 'x' : 'y');
const across = (axis: 'x' | 'y') => (axis === 'x' ? 'y' : 'x');

describe('kenBurnsAt, every aspect × motion', () => {
	for (const aspect of ASPECT_RATIOS) {
		const focus = focusOf(aspect);
		for (const motion of MOTION_NAMES) {
			it(`${aspect} ${motion} never shows an uncovered edge at any progress`, () => {
				for (const p of progressSteps) {
					const t = kenBurnsAt(motion, p, focus);
					expect(coverageMargin(t), `${aspect} ${motion} at ${p}`).toBeGreaterThanOrEqual(0);
					expect(t.scale).toBeGreaterThanOrEqual(1);
					expect(t.scale).toBeLessThanOrEqual(KEN_BURNS_MAX_SCALE);
				}
				// out-of-range progress is clamped, not extrapolated past the edge
				for (const p of [-1, -0.01, 1.01, 5]) expect(coverageMargin(kenBurnsAt(motion, p, focus)), `${aspect} ${motion} at ${p}`).toBeGreaterThanOrEqual(0);
				expect(kenBurnsAt(motion, -3, focus)).toEqual(kenBurnsAt(motion, 0, focus));
				expect(kenBurnsAt(motion, 7, focus)).toEqual(kenBurnsAt(motion, 1, focus));
			});

			it(`${aspect} ${motion} moves smoothly: no jumps between neighbouring frames, still at both ends`, () => {
				const points = progressSteps.map((p) => kenBurnsAt(motion, p, focus));
				const step = (i: number) => {
					const a = points[i]!;
					const b = points[i + 1]!;
					return Math.abs(b.scale - a.scale) + Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
				};
				for (let i = 0; i < STEPS; i++) expect(step(i)).toBeLessThan(0.002);
				// eased: the first and last steps are much smaller than the middle one
				expect(step(0)).toBeLessThan(step(STEPS / 2) / 10);
				expect(step(STEPS - 1)).toBeLessThan(step(STEPS / 2) / 10);
			});
		}

		it(`${aspect}: the curves move in the right direction, far enough to see`, () => {
			const series = (motion: MotionName, key: 'scale' | 'x' | 'y') => progressSteps.map((p) => kenBurnsAt(motion, p, focus)[key]);
			const increasing = (values: number[]) => values.every((v, i) => i === 0 || v >= values[i - 1]!);
			const decreasing = (values: number[]) => values.every((v, i) => i === 0 || v <= values[i - 1]!);
			expect(increasing(series('zoom_in', 'scale'))).toBe(true);
			expect(kenBurnsAt('zoom_in', 0, focus).scale).toBe(1);
			expect(kenBurnsAt('zoom_in', 1, focus).scale).toBeCloseTo(KEN_BURNS_MAX_SCALE, 12);
			expect(decreasing(series('zoom_out', 'scale'))).toBe(true);
			expect(kenBurnsAt('zoom_out', 1, focus).scale).toBe(1);
			// left = image moves to −x, up = −y; pans keep the full zoom
			expect(decreasing(series('pan_left', 'x'))).toBe(true);
			expect(increasing(series('pan_right', 'x'))).toBe(true);
			expect(decreasing(series('pan_up', 'y'))).toBe(true);
			expect(increasing(series('pan_down', 'y'))).toBe(true);
			for (const m of PANS) {
				expect(series(m, 'scale').every((v) => v === KEN_BURNS_MAX_SCALE)).toBe(true);
				const axis = panAxis(m);
				expect(Math.abs(kenBurnsAt(m, 1, focus)[axis] - kenBurnsAt(m, 0, focus)[axis]), `${m} travel`).toBeGreaterThan(0.05);
			}
		});
	}

	it('with the focus at the centre, zooms stay centred and pans pass through the centre', () => {
		const series = (motion: MotionName, key: 'x' | 'y') => progressSteps.map((p) => kenBurnsAt(motion, p, FRAME_CENTRE)[key]);
		for (const m of ZOOMS) {
			expect(series(m, 'x').every((v) => v === 0)).toBe(true);
			expect(series(m, 'y').every((v) => v === 0)).toBe(true);
		}
		for (const m of ['pan_left', 'pan_right'] as const) expect(series(m, 'y').every((v) => v === 0)).toBe(true);
		for (const m of ['pan_up', 'pan_down'] as const) expect(series(m, 'x').every((v) => v === 0)).toBe(true);
		for (const m of PANS) {
			expect(kenBurnsAt(m, 0.5, FRAME_CENTRE).x).toBeCloseTo(0, 12);
			expect(kenBurnsAt(m, 0.5, FRAME_CENTRE).y).toBeCloseTo(0, 12);
		}
		expect(kenBurnsAt('pan_left', 0, FRAME_CENTRE).x).toBeGreaterThan(0);
		expect(kenBurnsAt('pan_left', 1, FRAME_CENTRE).x).toBeLessThan(0);
		expect(kenBurnsAt('pan_right', 0, FRAME_CENTRE).x).toBeLessThan(0);
		expect(kenBurnsAt('pan_right', 1, FRAME_CENTRE).x).toBeGreaterThan(0);
		expect(kenBurnsAt('pan_up', 1, FRAME_CENTRE).y).toBeLessThan(0);
		expect(kenBurnsAt('pan_down', 1, FRAME_CENTRE).y).toBeGreaterThan(0);
	});

	it('a focus near or past the frame edge is clamped into the middle half: the edges stay covered and pans still travel', () => {
		for (const focus of [
			{ x: -1, y: 2 },
			{ x: 3, y: -0.5 },
			{ x: 0, y: 1 },
			{ x: 1, y: 0 },
		]) {
			for (const motion of MOTION_NAMES) {
				for (const p of progressSteps)
					expect(coverageMargin(kenBurnsAt(motion, p, focus)), `${motion} about ${JSON.stringify(focus)} at ${p}`).toBeGreaterThanOrEqual(0);
			}
			expect(kenBurnsAt('pan_right', 1, focus).x - kenBurnsAt('pan_right', 0, focus).x).toBeGreaterThan(0.04);
			expect(kenBurnsAt('pan_down', 1, focus).y - kenBurnsAt('pan_down', 0, focus).y).toBeGreaterThan(0.04);
		}
		expect(kenBurnsAt('zoom_in', 0.7, { x: -1, y: 2 })).toEqual(kenBurnsAt('zoom_in', 0.7, { x: 0.25, y: 0.75 }));
	});

	it('coverageMargin detects an uncovered edge', () => {
		expect(coverageMargin({ scale: 1, x: 0, y: 0 })).toBe(0);
		expect(coverageMargin({ scale: 1, x: 0.01, y: 0 })).toBeLessThan(0);
		expect(coverageMargin({ scale: 1.1, x: 0, y: -0.06 })).toBeLessThan(0);
		expect(coverageMargin({ scale: 1.1, x: 0.04, y: -0.04 })).toBeCloseTo(0.01, 12);
	});

	it('kenBurnsCss writes translate then scale', () => {
		expect(kenBurnsCss({ scale: 1.12, x: -0.054, y: 0 })).toBe('translate(-5.4000%, 0.0000%) scale(1.12000)');
		expect(kenBurnsCss(kenBurnsAt('zoom_in', 0, focusOf('9:16')))).toBe('translate(0.0000%, 0.0000%) scale(1.00000)');
		// 9:16 zooms about (0.45, 0.38): at full zoom the picture sits 0.6 % right and 1.44 % down
		expect(kenBurnsCss(kenBurnsAt('zoom_in', 1, focusOf('9:16')))).toBe('translate(0.6000%, 1.4400%) scale(1.12000)');
	});
});

describe('Ken Burns focus per aspect', () => {
	it('each aspect has its own focus: 9:16 upper middle clear of the app chrome, 16:9 a little above the middle, 1:1 centred', () => {
		const tall = layoutOf('9:16');
		const { width, height } = ASPECT_SIZES['9:16'];
		expect(tall.kenBurnsFocus.y).toBeLessThan(0.45);
		// between the overlay and the captions, in the column clear of the buttons on the right
		expect(tall.kenBurnsFocus.y * height).toBeGreaterThan(tall.overlay.top + tall.overlay.height);
		expect(tall.kenBurnsFocus.y * height).toBeLessThan(tall.captions.top);
		expect(tall.kenBurnsFocus.x * width).toBeCloseTo(tall.captions.left + tall.captions.width / 2, -1);
		expect(tall.kenBurnsFocus.x).toBeLessThanOrEqual(0.5);
		const wide = focusOf('16:9');
		expect(wide.x).toBe(0.5);
		expect(wide.y).toBeGreaterThanOrEqual(0.4);
		expect(wide.y).toBeLessThan(0.5);
		expect(focusOf('1:1')).toEqual(FRAME_CENTRE);
		// the focus is a fraction of the frame, the same at any output size (a draft is half size)
		expect(layoutFor('9:16', 540, 960).kenBurnsFocus).toEqual(tall.kenBurnsFocus);
	});

	for (const aspect of ASPECT_RATIOS) {
		const focus = focusOf(aspect);

		it(`${aspect}: zooms keep the focus point where it is at every progress`, () => {
			for (const m of ZOOMS) {
				for (const p of progressSteps) {
					const drawn = drawnAt(kenBurnsAt(m, p, focus), focus);
					expect(drawn.x, `${m} at ${p}`).toBeCloseTo(focus.x, 12);
					expect(drawn.y, `${m} at ${p}`).toBeCloseTo(focus.y, 12);
				}
			}
			// while a zoom about the centre would carry an off-centre focus away
			const drift = Math.abs(drawnAt(kenBurnsAt('zoom_in', 1, FRAME_CENTRE), focus).y - focus.y);
			expect(drift).toBeCloseTo((KEN_BURNS_MAX_SCALE - 1) * Math.abs(focus.y - 0.5), 12);
		});

		it(`${aspect}: pans are centred on the focus`, () => {
			const held = kenBurnsAt('zoom_in', 1, focus);
			for (const m of PANS) {
				const axis = panAxis(m);
				const mid = kenBurnsAt(m, 0.5, focus);
				// the middle of a pan is the full zoom about the focus
				expect(mid.scale).toBe(held.scale);
				expect(mid.x, m).toBeCloseTo(held.x, 12);
				expect(mid.y, m).toBeCloseTo(held.y, 12);
				expect(drawnAt(mid, focus).x).toBeCloseTo(focus.x, 12);
				expect(drawnAt(mid, focus).y).toBeCloseTo(focus.y, 12);
				// it travels as far to one side of the focus as to the other, and only along its own axis
				const start = kenBurnsAt(m, 0, focus)[axis];
				const end = kenBurnsAt(m, 1, focus)[axis];
				expect((start + end) / 2, m).toBeCloseTo(held[axis], 12);
				for (const p of progressSteps) expect(kenBurnsAt(m, p, focus)[across(axis)], `${m} at ${p}`).toBe(held[across(axis)]);
			}
		});
	}

	it('is deterministic: the same motion, progress and focus give the same transform', () => {
		for (const aspect of ASPECT_RATIOS) {
			for (const motion of MOTION_NAMES) {
				expect(kenBurnsCss(kenBurnsAt(motion, 0.37, focusOf(aspect)))).toBe(kenBurnsCss(kenBurnsAt(motion, 0.37, { ...focusOf(aspect) })));
			}
		}
	});
});

describe('chooseMotion', () => {
	it('honours an explicit motion', () => {
		for (const motion of MOTION_NAMES) {
			expect(chooseMotion({ scene_id: 1, visual_description: 'anything', motion })).toBe(motion);
		}
	});

	it('is deterministic: the same scene always gets the same motion', () => {
		for (const scene of exampleScenes) {
			const first = chooseMotion(scene);
			expect(MOTION_NAMES).toContain(first);
			for (let i = 0; i < 3; i++) expect(chooseMotion({ ...scene })).toBe(first);
		}
		// pinned, so a change of hash or order (which would change every rerun's video) is noticed
		expect(exampleScenes.map((s) => chooseMotion(s))).toEqual([
			// ai-tools-douyin.json
			'pan_left',
			'pan_up',
			'pan_left',
			'pan_up',
			'pan_up',
			'zoom_in',
			'pan_down',
			// morning-routine-youtube.json
			'pan_up',
			'pan_down',
			'pan_up',
			'zoom_in',
			'pan_left',
		]);
	});

	it('depends on the scene, not on anything else', () => {
		const scene = { scene_id: 3, visual_description: 'A lighthouse at dusk' };
		expect(chooseMotion(scene)).toBe(chooseMotion({ scene_id: 3, visual_description: 'A lighthouse at dusk', motion: undefined }));
		const variants = new Set(Array.from({ length: 40 }, (_, i) => chooseMotion({ scene_id: i + 1, visual_description: scene.visual_description })));
		expect(variants.size).toBeGreaterThan(1);
	});

	it('spreads across several motions for different scenes', () => {
		const chosen = exampleScenes.map((s) => chooseMotion(s));
		expect(new Set(chosen).size).toBeGreaterThanOrEqual(3);
		// over many scenes every motion is used, none dominates
		const spread = (scenes: { scene_id: number; visual_description: string }[]) => {
			const counts = new Map<MotionName, number>();
			for (const scene of scenes) counts.set(chooseMotion(scene), (counts.get(chooseMotion(scene)) ?? 0) + 1);
			expect(counts.size).toBe(MOTION_NAMES.length);
			const fair = scenes.length / MOTION_NAMES.length;
			for (const [, n] of counts) {
				expect(n).toBeGreaterThan(fair / 2);
				expect(n).toBeLessThan(fair * 2);
			}
		};
		const ids = Array.from({ length: 600 }, (_, i) => i + 1);
		spread(ids.map((id) => ({ scene_id: id, visual_description: 'A city street in the rain' })));
		spread(ids.map((id) => ({ scene_id: 1, visual_description: `A city street in the rain, take ${id * 7919}` })));
	});
});
