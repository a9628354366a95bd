import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlatformName } from '../schema/platforms';
import type { RenderFigures } from './render-record';
import { writeFileAtomic } from '../node/write-file-atomic';

export type PlatformRenderSummary = {
	readonly video: string;
	readonly durationInFrames: number;
	readonly width: number;
	readonly height: number;
	readonly fps: number;
	readonly sizeBytes: number;
	readonly renderWallMs: number;
	readonly renderFps: number;
	readonly draft: boolean;
	/** Identifies the props, settings and drawing code the video was made from (see render-key.ts). */
	readonly renderKey?: string;
};

/** summary.json: one file per video; later stages add their own sections next to `platforms`. */
export type VideoSummary = {
	readonly title: string;
	readonly slug: string;
	readonly outputs: readonly string[];
	readonly platforms: Partial<Record<PlatformName, PlatformRenderSummary>>;
	readonly [section: string]: unknown;
};

export const readSummary = async (file: string): Promise<VideoSummary | null> => {
	try {
		return JSON.parse(await readFile(file, 'utf8')) as VideoSummary;
	} catch {
		return null;
	}
};

/** Adds one platform's render to summary.json, keeping what earlier renders of other platforms wrote. */
export const recordRender = async (
	summaryFile: string,
	video: { title: string; slug: string; platform: PlatformName; draft: boolean; renderKey?: string },
	result: RenderFigures,
): Promise<VideoSummary> => {
	const base = path.dirname(summaryFile);
	const previous = await readSummary(summaryFile);
	const entry: PlatformRenderSummary = {
		video: path.relative(base, result.file),
		durationInFrames: result.durationInFrames,
		width: result.width,
		height: result.height,
		fps: result.fps,
		sizeBytes: result.sizeBytes,
		renderWallMs: result.wallMs,
		renderFps: result.renderFps,
		draft: video.draft,
		...(video.renderKey ? { renderKey: video.renderKey } : {}),
	};
	const platforms = { ...previous?.platforms, [video.platform]: entry };
	const summary: VideoSummary = {
		...previous,
		title: video.title,
		slug: video.slug,
		outputs: Object.values(platforms).map((p) => p.video),
		platforms,
	};
	await writeFileAtomic(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
	return summary;
};

/** Adds sections (stage figures, per-scene sources) to summary.json, keeping everything else. */
export const recordSections = async (summaryFile: string, sections: Record<string, unknown>): Promise<VideoSummary> => {
	const previous = await readSummary(summaryFile);
	const summary = { ...previous, ...sections } as VideoSummary;
	await writeFileAtomic(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
	return summary;
};
