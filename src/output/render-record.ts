/** The soundtrack's loudness as measured (EBU R128), recorded in render.json and summary.json. */
export type Loudness = {
	readonly integratedLufs: number;
	readonly truePeakDbtp: number;
	/** Loudness range, LU. */
	readonly lra: number;
};

/** What a finished render is, as the package records it. */
export type RenderFigures = {
	readonly file: string;
	readonly durationInFrames: number;
	readonly width: number;
	readonly height: number;
	readonly fps: number;
	readonly sizeBytes: number;
	readonly wallMs: number;
	readonly renderFps: number;
};
