import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rmsDb } from '../src/pipeline/audio/loudness';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { renderSettings } from '../src/pipeline/render/render-settings';
import { renderVideoOnWeb } from '../src/pipeline/render/web/render-video-on-web';
import type { VideoProps } from '../src/schema/video-props';
import { sceneSlots } from '../src/timeline/scene-timeline';
import { makeTempDir } from './helpers/temp-dir';
import { soundtrackMd5, toneProps } from './helpers/tone-props';

describe('a render split between browsers', () => {
	let props: VideoProps;
	let dir: string;
	beforeAll(async () => {
		dir = await makeTempDir('reelsmith-parts-');
		props = await toneProps(dir);
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
