import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rmsDb } from '../src/pipeline/audio/loudness';
import { runFfmpeg } from '../src/pipeline/audio/run-ffmpeg';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { renderSettings } from '../src/pipeline/render/render-settings';
import { renderVideoOnWeb } from '../src/pipeline/render/web/render-video-on-web';
import { buildProps, type SceneAssets } from '../src/props/build-props';
import { parseScriptText } from '../src/schema/parse-script';
import type { VideoProps } from '../src/schema/video-props';
import { sceneSlots } from '../src/timeline/scene-timeline';
import { ROOT } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';
import { toneWav } from './helpers/voice-audio';

/** The decoded soundtrack's checksum. */
const soundtrackMd5 = async (file: string) => (await runFfmpeg(['-v', 'error', '-i', file, '-map', '0:a:0', '-f', 'md5', '-'])).trim();

describe('a render split between browsers', () => {
	let props: VideoProps;
	let dir: string;
	beforeAll(async () => {
		const parsed = parseScriptText(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8'));
		if (!parsed.ok) throw new Error('fixture is invalid');
		dir = await makeTempDir('reelsmith-parts-');
		const assets = new Map<number, SceneAssets>();
		for (const [i, scene] of parsed.script.scenes.entries()) {
			const ms = scene.duration * 1000 - 200;
			// a tone of its own per scene, so every part of the soundtrack has something to get wrong
			await writeFile(path.join(dir, `voice-${i}.wav`), toneWav(ms, 48_000, 300 + 150 * i));
			assets.set(scene.scene_id, { audio: { src: `voice-${i}.wav`, durationMs: ms } });
		}
		props = buildProps(parsed.script, { assets });
	});

	it('is the same video, with the same soundtrack to the sample, as a render in one piece', async () => {
		const frames = sceneSlots(props.scenes).at(-1)!.startFrame + props.scenes.at(-1)!.durationInFrames;
		const render = (concurrency: number) =>
			renderVideoOnWeb({ publicDir: dir, props, outputFile: path.join(dir, `out-${concurrency}.mp4`), settings: { ...renderSettings(true), concurrency } });
		const [whole, split] = [await render(1), await render(3)];
		for (const result of [whole, split]) {
			const probed = await probeMedia(result.file);
			expect(probed.video?.frames).toBe(frames);
			expect(probed.audio?.codec).toBe('aac');
		}
		// the seams between the three parts fall mid-tone: a gap, a click or a shift would change the checksum
		expect(await soundtrackMd5(split.file)).toBe(await soundtrackMd5(whole.file));
		expect(await rmsDb(whole.file, 0, (frames / props.fps) * 1000)).toBeGreaterThan(-30);
	}, 240_000);
});
