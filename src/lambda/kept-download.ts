import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AwsRegion } from '@remotion/lambda/client';
import { writeThroughPartial } from '../node/write-through-partial';
import { stagingDirFor } from '../output/package-staging';
import { writeFileAtomic } from '../node/write-file-atomic';
import { LAMBDA_OUTPUT_EXTENSION, type LambdaClient } from './lambda-client';
import type { RenderedVideo } from './render-batch';

/**
 * A render paid for on Lambda is kept in the package's staging folder once downloaded, with a record of the
 * render it is, until its package is in place: a failure afterwards (ffmpeg, the disk, a signal) costs a
 * rerun only the post-processing, not another render.
 */
const keptFiles = (platformDir: string) => {
	const staging = stagingDirFor(platformDir);
	return { video: path.join(staging, `lambda-render.${LAMBDA_OUTPUT_EXTENSION}`), record: path.join(staging, 'lambda-render.json') };
};

type KeptRecord = { readonly renderKey: string; readonly sizeBytes: number; readonly rendered: RenderedVideo };

/** The render an earlier run downloaded for this render key, whole, or null. */
export const keptLambdaRender = async (platformDir: string, renderKey: string): Promise<{ file: string; rendered: RenderedVideo } | null> => {
	const files = keptFiles(platformDir);
	let record: KeptRecord;
	try {
		record = JSON.parse(await readFile(files.record, 'utf8')) as KeptRecord;
	} catch {
		return null;
	}
	if (record.renderKey !== renderKey || typeof record.rendered?.renderId !== 'string') return null;
	const size = await stat(files.video).then(
		(s) => s.size,
		() => -1,
	);
	return size === record.sizeBytes ? { file: files.video, rendered: record.rendered } : null;
};

/** Downloads a finished render into the staging folder (through a partial file) and records it; returns its path. */
export const downloadAndKeep = async (
	client: LambdaClient,
	region: AwsRegion,
	platformDir: string,
	renderKey: string,
	rendered: RenderedVideo,
): Promise<string> => {
	const kept = await keptLambdaRender(platformDir, renderKey);
	if (kept?.rendered.renderId === rendered.renderId) return kept.file;
	const files = keptFiles(platformDir);
	await rm(files.record, { force: true });
	await writeThroughPartial(files.video, (partial) =>
		client.downloadMedia({ region, bucketName: rendered.bucketName, renderId: rendered.renderId, outPath: partial }),
	);
	const record: KeptRecord = { renderKey, sizeBytes: (await stat(files.video)).size, rendered };
	await writeFileAtomic(files.record, `${JSON.stringify(record, null, 2)}\n`);
	return files.video;
};

/** Once the package is whole, the kept render has done its job. */
export const dropKeptRender = async (platformDir: string): Promise<void> => {
	const files = keptFiles(platformDir);
	await rm(files.record, { force: true });
	await rm(files.video, { force: true });
};
