import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from '../../src/node/run-ffmpeg';
import { buildProps, type SceneAssets } from '../../src/props/build-props';
import { parseScriptText } from '../../src/schema/parse-script';
import type { VideoProps } from '../../src/schema/video-props';
import { ROOT } from './run-command';
import { toneWav } from './voice-audio';

/**
 * Props of the 3-scene fixture whose voices are tones, one pitch a scene, written into `dir`: every part of the
 * soundtrack has something to get wrong at a seam between parts or chunks.
 */
export const toneProps = async (dir: string): Promise<VideoProps> => {
	const parsed = parseScriptText(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8'));
	if (!parsed.ok) throw new Error('fixture is invalid');
	const assets = new Map<number, SceneAssets>();
	for (const [i, scene] of parsed.script.scenes.entries()) {
		const ms = scene.duration * 1000 - 200;
		await writeFile(path.join(dir, `voice-${i}.wav`), toneWav(ms, 48_000, 300 + 150 * i));
		assets.set(scene.scene_id, { audio: { src: `voice-${i}.wav`, durationMs: ms } });
	}
	return buildProps(parsed.script, { assets });
};

/** The decoded soundtrack's checksum: equal only if every sample is. */
export const soundtrackMd5 = async (file: string): Promise<string> => (await runFfmpeg(['-v', 'error', '-i', file, '-map', '0:a:0', '-f', 'md5', '-'])).trim();
