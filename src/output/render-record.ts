import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The soundtrack's loudness as measured (EBU R128), recorded in render.json and summary.json. */
export const loudnessSchema = z.object({
	integratedLufs: finite,
	truePeakDbtp: finite,
	/** Loudness range, LU. */
	lra: finite,
});
export type Loudness = Readonly<z.output<typeof loudnessSchema>>;

/** What a finished render is, as the package records it (render.json keeps all but `file`). */
export const renderFiguresSchema = z.object({
	file: z.string(),
	durationInFrames: count,
	width: count,
	height: count,
	fps: finite,
	sizeBytes: count,
	wallMs: finite,
	renderFps: finite,
});
export type RenderFigures = Readonly<z.output<typeof renderFiguresSchema>>;
