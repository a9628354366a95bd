import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../node/write-file-atomic';
import type { EncoderVerdict } from '../render/choose-engine';
import type { EncoderCheckRequest } from '../../web-render/web-render-protocol';

/** Beside the asset cache of `--out`: a browser update changes its version, and so the key. */
export const encoderProbeFile = (outDir: string) => path.join(outDir, '.cache', 'browser-encoder.json');

const verdictSchema = z.object({ canRender: z.boolean(), problems: z.array(z.string()) });
const probesSchema = z.record(z.string(), verdictSchema);

/** One probe per browser, its version, and the output's size and rate. */
export const probeKey = (executable: string, version: string, encoder: EncoderCheckRequest) =>
	`${executable}|${version}|${encoder.width}x${encoder.height}@${encoder.videoBitrate}`;

const readProbes = async (file: string): Promise<Record<string, EncoderVerdict>> => {
	const text = await readFile(file, 'utf8').catch(() => null);
	if (text === null) return {};
	try {
		const parsed = probesSchema.safeParse(JSON.parse(text));
		// a damaged file only costs one probe more
		return parsed.success ? parsed.data : {};
	} catch {
		return {};
	}
};

/** The verdict probed before for this browser version and output, or null. */
export const cachedVerdict = async (file: string, key: string): Promise<EncoderVerdict | null> => (await readProbes(file))[key] ?? null;

export const saveVerdict = async (file: string, key: string, verdict: EncoderVerdict): Promise<void> => {
	const probes = await readProbes(file);
	await writeFileAtomic(file, `${JSON.stringify({ ...probes, [key]: verdict }, null, 2)}\n`);
};
