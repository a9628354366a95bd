import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MOTION_NAMES, type MotionName } from '../src/schema/motions';
import { chooseMotion, coverageMargin, KEN_BURNS_MAX_SCALE, kenBurnsAt, kenBurnsCss } from '../src/timeline/ken-burns';

const STEPS = 200;
const progressSteps = Array.from({ length: STEPS + 1 }, (_, i) => i / STEPS);

const exampleScenes = ['ai-tools-douyin.json', 'morning-routine-youtube.json'].flatMap(
	(name) =>
		JSON.parse(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8')).scenes as {
			scene_id: number;
			visual_description: string;
		}[],
);

describe('kenBurnsAt', () => {
	for (const motion of MOTION_NAMES) {
		it(`${motion} never shows an uncovered edge at any progress`, () => {
			for (const p of progressSteps) {
				const t = kenBurnsAt(motion, p);
				expect(coverageMargin(t), `${motion} at ${p}`).toBeGreaterThanOrEqual(0);
				expect(t.scale).toBeGreaterThanOrEqual(1);
				expect(t.scale).toBeLessThanOrEqual(KEN_BURNS_MAX_SCALE);
			}
			// out-of-range progress is clamped, not extrapolated past the edge
			for (const p of [-1, -0.01, 1.01, 5]) expect(coverageMargin(kenBurnsAt(motion, p)), `${motion} at ${p}`).toBeGreaterThanOrEqual(0);
			expect(kenBurnsAt(motion, -3)).toEqual(kenBurnsAt(motion, 0));
			expect(kenBurnsAt(motion, 7)).toEqual(kenBurnsAt(motion, 1));
		});

		it(`${motion} moves smoothly: no jumps between neighbouring frames, still at both ends`, () => {
			const points = progressSteps.map((p) => kenBurnsAt(motion, p));
			for (let i = 1; i < points.length; i++) {
				const a = points[i - 1]!;
				const b = points[i]!;
				expect(Math.abs(b.scale - a.scale) + Math.abs(b.x - a.x) + Math.abs(b.y - a.y)).toBeLessThan(0.002);
			}
			// eased: the first and last steps are much smaller than the middle one
			const step = (i: number) => {
				const a = points[i]!;
				const b = points[i + 1]!;
				return Math.abs(b.scale - a.scale) + Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
			};
			expect(step(0)).toBeLessThan(step(STEPS / 2) / 10);
			expect(step(STEPS - 1)).toBeLessThan(step(STEPS / 2) / 10);
		});
	}

	it('the curves are monotonic in the right direction', () => {
		const series = (motion: MotionName, key: 'scale' | 'x' | 'y') => progressSteps.map((p) => kenBurnsAt(motion, p)[key]);
		const increasing = (values: number[]) => values.every((v, i) => i === 0 || v >= values[i - 1]!);
		const decreasing = (values: number[]) => values.every((v, i) => i === 0 || v <= values[i - 1]!);

		// zoom_in grows from 1 to the maximum, zoom_out shrinks back, neither moves sideways
		expect(increasing(series('zoom_in', 'scale'))).toBe(true);
		expect(kenBurnsAt('zoom_in', 0).scale).toBe(1);
		expect(kenBurnsAt('zoom_in', 1).scale).toBeCloseTo(KEN_BURNS_MAX_SCALE, 12);
		expect(decreasing(series('zoom_out', 'scale'))).toBe(true);
		expect(kenBurnsAt('zoom_out', 0).scale).toBeCloseTo(KEN_BURNS_MAX_SCALE, 12);
		expect(kenBurnsAt('zoom_out', 1).scale).toBe(1);
		for (const m of ['zoom_in', 'zoom_out'] as const) {
			expect(series(m, 'x').every((v) => v === 0)).toBe(true);
			expect(series(m, 'y').every((v) => v === 0)).toBe(true);
		}

		// pans keep the scale and move along one axis only: left = image moves to −x, up = −y
		expect(decreasing(series('pan_left', 'x'))).toBe(true);
		expect(increasing(series('pan_right', 'x'))).toBe(true);
		expect(decreasing(series('pan_up', 'y'))).toBe(true);
		expect(increasing(series('pan_down', 'y'))).toBe(true);
		expect(kenBurnsAt('pan_left', 0).x).toBeGreaterThan(0);
		expect(kenBurnsAt('pan_left', 1).x).toBeLessThan(0);
		expect(kenBurnsAt('pan_right', 0).x).toBeLessThan(0);
		expect(kenBurnsAt('pan_right', 1).x).toBeGreaterThan(0);
		expect(kenBurnsAt('pan_up', 1).y).toBeLessThan(0);
		expect(kenBurnsAt('pan_down', 1).y).toBeGreaterThan(0);
		for (const m of ['pan_left', 'pan_right'] as const) expect(series(m, 'y').every((v) => v === 0)).toBe(true);
		for (const m of ['pan_up', 'pan_down'] as const) expect(series(m, 'x').every((v) => v === 0)).toBe(true);
		for (const m of ['pan_left', 'pan_right', 'pan_up', 'pan_down'] as const) {
			expect(series(m, 'scale').every((v) => v === KEN_BURNS_MAX_SCALE)).toBe(true);
			// the middle of a pan is centred
			expect(kenBurnsAt(m, 0.5).x).toBeCloseTo(0, 12);
			expect(kenBurnsAt(m, 0.5).y).toBeCloseTo(0, 12);
		}
		// the motion is visible: a pan travels at least 5 % of the frame
		expect(kenBurnsAt('pan_right', 1).x - kenBurnsAt('pan_right', 0).x).toBeGreaterThan(0.05);
	});

	it('coverageMargin detects an uncovered edge', () => {
		expect(coverageMargin({ scale: 1, x: 0, y: 0 })).toBe(0);
		expect(coverageMargin({ scale: 1, x: 0.01, y: 0 })).toBeLessThan(0);
		expect(coverageMargin({ scale: 1.1, x: 0, y: -0.06 })).toBeLessThan(0);
		expect(coverageMargin({ scale: 1.1, x: 0.04, y: -0.04 })).toBeCloseTo(0.01, 12);
	});

	it('kenBurnsCss writes translate then scale', () => {
		expect(kenBurnsCss({ scale: 1.12, x: -0.054, y: 0 })).toBe('translate(-5.4000%, 0.0000%) scale(1.12000)');
		expect(kenBurnsCss(kenBurnsAt('zoom_in', 0))).toBe('translate(0.0000%, 0.0000%) scale(1.00000)');
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
			'pan_left', 'pan_up', 'pan_left', 'pan_up', 'pan_up', 'zoom_in', 'pan_down',
			// morning-routine-youtube.json
			'pan_up', 'pan_down', 'pan_up', 'zoom_in', 'pan_left',
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
