import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { PlatformName } from '../schema/platforms';
import type { RenderFigures } from './render-record';
import { writeFileAtomic } from '../node/write-file-atomic';
import { parsePersisted } from './persisted-json';
import { platformRenderSummarySchema, SUMMARY_VERSION, videoSummarySchema } from './summary-schema';
import { portableRelative } from '../node/portable-path';

export type PlatformRenderSummary = Readonly<z.output<typeof platformRenderSummarySchema>>;

/** summary.json: one file per video (summary-schema.ts); later stages add their own sections next to `platforms`. */
export type VideoSummary = {
	readonly version: number;
	readonly title: string;
	readonly slug: string;
	readonly outputs: readonly string[];
	readonly platforms: Partial<Record<PlatformName, PlatformRenderSummary>>;
	readonly [section: string]: unknown;
};

export type SummaryOptions = {
	/** Where a summary.json that cannot be read, and so is replaced, is reported; default: stderr. */
	readonly onWarning?: (message: string) => void;
};

type Read = { readonly summary: VideoSummary | null; readonly problem?: string; readonly raw?: unknown; readonly otherVersion?: boolean };

const read = async (file: string): Promise<Read> => {
	const text = await readFile(file, 'utf8').catch(() => null);
	if (text === null) return { summary: null };
	const parsed = parsePersisted(text, videoSummarySchema, SUMMARY_VERSION);
	return parsed.ok ? { summary: parsed.value } : { summary: null, problem: parsed.problem, raw: parsed.raw, otherVersion: parsed.otherVersion };
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What a summary.json that fails its schema still holds that is sound: the platforms' entries that parse and the
 * stages' sections. Nothing of a file of a newer version is kept: its layout is unknown here.
 */
const salvage = (raw: unknown, otherVersion: boolean): Record<string, unknown> => {
	if (!isObject(raw) || otherVersion) return {};
	const { version: _, title, slug, outputs: __, platforms, ...sections } = raw;
	const kept: Record<string, PlatformRenderSummary> = {};
	for (const [name, entry] of Object.entries(isObject(platforms) ? platforms : {})) {
		const result = videoSummarySchema.shape.platforms.safeParse({ [name]: entry });
		if (result.success) kept[name] = result.data[name as PlatformName]!;
	}
	return {
		...sections,
		...(typeof title === 'string' ? { title } : {}),
		...(typeof slug === 'string' ? { slug } : {}),
		outputs: Object.values(kept).map((p) => p.video),
		platforms: kept,
	};
};

/** The summary before a write: a file that fails its schema is reported and replaced, keeping what is sound. */
const previousOf = async (file: string, options: SummaryOptions): Promise<Record<string, unknown> | null> => {
	const { summary, problem, raw, otherVersion = false } = await read(file);
	if (summary || problem === undefined) return summary;
	const kept = salvage(raw, otherVersion);
	const keeping = Object.keys(kept).length > 0 ? 'keeping what can be read' : 'starting it again';
	(options.onWarning ?? ((message) => console.error(message)))(`summary: ${file} cannot be used (${problem}); replacing it, ${keeping}`);
	return kept;
};

const write = async (file: string, summary: Record<string, unknown>) => {
	const { version: _, ...rest } = summary;
	const written = { version: SUMMARY_VERSION, ...rest } as VideoSummary;
	await writeFileAtomic(file, `${JSON.stringify(written, null, 2)}\n`);
	return written;
};

/**
 * The summary, or null when there is none or it fails summary-schema.ts (not valid JSON, another shape, a newer
 * version): the caller then treats the video as not rendered. The next write replaces such a file.
 */
export const readSummary = async (file: string): Promise<VideoSummary | null> => (await read(file)).summary;

/** Adds one platform's render to summary.json, keeping what earlier renders of other platforms wrote. */
export const recordRender = async (
	summaryFile: string,
	video: { title: string; slug: string; platform: PlatformName; draft: boolean; renderKey?: string; engine?: string },
	result: RenderFigures,
	options: SummaryOptions = {},
): Promise<VideoSummary> => {
	const base = path.dirname(summaryFile);
	const previous = await previousOf(summaryFile, options);
	const entry: PlatformRenderSummary = {
		video: portableRelative(base, result.file),
		durationInFrames: result.durationInFrames,
		width: result.width,
		height: result.height,
		fps: result.fps,
		sizeBytes: result.sizeBytes,
		renderWallMs: result.wallMs,
		renderFps: result.renderFps,
		draft: video.draft,
		...(video.renderKey ? { renderKey: video.renderKey } : {}),
		...(video.engine ? { engine: video.engine } : {}),
	};
	const platforms = { ...(previous?.platforms as VideoSummary['platforms'] | undefined), [video.platform]: entry };
	return write(summaryFile, {
		...previous,
		title: video.title,
		slug: video.slug,
		outputs: Object.values(platforms).map((p) => p.video),
		platforms,
	});
};

/** Adds sections (stage figures, per-scene sources) to summary.json, keeping everything else. */
export const recordSections = async (summaryFile: string, sections: Record<string, unknown>, options: SummaryOptions = {}): Promise<VideoSummary> =>
	write(summaryFile, { ...(await previousOf(summaryFile, options)), ...sections });
