import { copyFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PlatformName } from '../schema/platforms';
import type { Loudness, RenderFigures } from './render-record';
import { readSummary, recordRender } from './summary';
import { writeThroughPartial } from '../node/write-through-partial';
import { writeFileAtomic } from '../node/write-file-atomic';
import { PACKAGE_RECORD_VERSION, packageRecordSchema } from './package-record';
import { parsePersisted } from './persisted-json';

/** The package's own record of what it holds, written last into the staging folder: the render it came from. */
export const PACKAGE_RECORD = 'render.json';

export type PackageRecord = {
	/** Written by `writePackageRecord`; absent in records from before versions, read as version 1. */
	readonly version?: number;
	readonly renderKey: string;
	readonly draft: boolean;
	readonly render: Omit<RenderFigures, 'file'>;
	readonly loudness?: Loudness;
};

/** A package's files, rooted at one folder: the package itself or its staging folder. */
export const packageFiles = (dir: string) => ({
	dir,
	video: path.join(dir, 'video.mp4'),
	props: path.join(dir, 'props.json'),
	cover: path.join(dir, 'cover.jpg'),
	srt: path.join(dir, 'captions.srt'),
	vtt: path.join(dir, 'captions.vtt'),
	metadata: path.join(dir, 'metadata.json'),
	record: path.join(dir, PACKAGE_RECORD),
});

/** Beside the package, hidden, with a fixed name: a killed run's staging folder (and its chunks) is resumed. */
export const stagingDirFor = (platformDir: string) => path.join(path.dirname(platformDir), `.${path.basename(platformDir)}.staging`);
const retiredDirFor = (platformDir: string) => path.join(path.dirname(platformDir), `.${path.basename(platformDir)}.retired`);

const exists = (file: string) =>
	stat(file).then(
		() => true,
		() => false,
	);

/** The record, or null when there is none or it does not match package-record.ts: such a package vouches for nothing. */
export const readPackageRecord = async (dir: string): Promise<PackageRecord | null> => {
	const text = await readFile(packageFiles(dir).record, 'utf8').catch(() => null);
	if (text === null) return null;
	const parsed = parsePersisted(text, packageRecordSchema, PACKAGE_RECORD_VERSION);
	return parsed.ok ? parsed.value : null;
};

/** A staging folder whose record says it holds a finished package of this render key, with the video it names. */
export const finishedStaging = async (platformDir: string, renderKey: string): Promise<PackageRecord | null> => {
	const staging = stagingDirFor(platformDir);
	const record = await readPackageRecord(staging);
	if (record?.renderKey !== renderKey) return null;
	const size = await stat(packageFiles(staging).video).then(
		(s) => s.size,
		() => -1,
	);
	return size === record.render.sizeBytes ? record : null;
};

export const writePackageRecord = (dir: string, { version: _, ...record }: PackageRecord) =>
	writeFileAtomic(packageFiles(dir).record, `${JSON.stringify({ version: PACKAGE_RECORD_VERSION, ...record }, null, 2)}\n`);

/** Test hook for the fault drills: dies between the two renames of the swap, as a kill -9 would. */
const killedMidSwapForDrill = () => {
	if (process.env.REELSMITH_DRILL_KILL_AT === 'package-swap') process.kill(process.pid, 'SIGKILL');
};

/**
 * Puts a complete staging folder in the package's place: the old package is renamed aside, the staging folder
 * renamed in, the old one removed. `carried` files of the old package that a render does not write (the
 * record of an upload) are copied along. A kill at any point leaves one package whole; `settleInterruptedSwap`
 * finishes the job.
 */
export const swapInPackage = async (platformDir: string, carried: readonly string[] = []): Promise<void> => {
	const staging = stagingDirFor(platformDir);
	const retired = retiredDirFor(platformDir);
	for (const name of carried) {
		const from = path.join(platformDir, name);
		if ((await exists(from)) && !(await exists(path.join(staging, name))))
			await writeThroughPartial(path.join(staging, name), (partial) => copyFile(from, partial));
	}
	await rm(retired, { recursive: true, force: true });
	if (await exists(platformDir)) await rename(platformDir, retired);
	killedMidSwapForDrill();
	await rename(staging, platformDir);
	await rm(retired, { recursive: true, force: true });
};

/**
 * Before a run uses a package: undoes what a run killed during the swap left. Killed between the renames,
 * the old package goes back (the finished staging folder stays, for this run to swap in without rendering);
 * killed after them, the old one is removed. A package whose record is newer than summary.json (killed before
 * the summary was written) is entered in the summary, so the summary always describes what is on disk.
 */
export const settleInterruptedSwap = async (
	platformDir: string,
	summaryFile: string,
	video: { readonly title: string; readonly slug: string; readonly platform: PlatformName },
): Promise<void> => {
	const retired = retiredDirFor(platformDir);
	if (await exists(retired)) {
		if (await exists(platformDir)) await rm(retired, { recursive: true, force: true });
		else await rename(retired, platformDir);
	}
	const record = await readPackageRecord(platformDir);
	if (!record) return;
	const entry = (await readSummary(summaryFile))?.platforms[video.platform];
	if (entry?.renderKey === record.renderKey && entry.sizeBytes === record.render.sizeBytes) return;
	await mkdir(path.dirname(summaryFile), { recursive: true });
	await recordRender(summaryFile, { ...video, draft: record.draft, renderKey: record.renderKey }, { ...record.render, file: packageFiles(platformDir).video });
};
