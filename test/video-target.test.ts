import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareVideo } from '../src/pipeline/stages/prepare-video';
import { planVideo } from '../src/pipeline/stages/plan-video';
import { buildProps } from '../src/props/build-props';
import { videoTarget } from '../src/props/video-target';
import { createProceduralStoryboard } from '../src/providers/storyboard/procedural/procedural-storyboard';
import { createEspeakVoice } from '../src/providers/voice/espeak/espeak-voice';
import type { VoiceProvider } from '../src/providers/voice/voice-provider';
import { parseScriptText } from '../src/schema/parse-script';
import type { VideoScript } from '../src/schema/video-script';
import { json, validScript } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';

/** A YouTube script asking for a square video: the square is for YouTube only. */
const squareYoutube = (): VideoScript => {
	const parsed = parseScriptText(json(validScript({ target_platform: 'youtube', aspect_ratio: '1:1' })));
	if (!parsed.ok) throw new Error('the script is invalid');
	return parsed.script;
};

describe('videoTarget: one answer per script and platform', () => {
	it("gives the script's aspect to its own platform and each other platform its preferred one", () => {
		const script = squareYoutube();
		expect(videoTarget(script)).toMatchObject({ platform: 'youtube', aspectRatio: '1:1', size: { width: 1080, height: 1080 } });
		expect(videoTarget(script, 'bilibili')).toMatchObject({ platform: 'bilibili', aspectRatio: '16:9', size: { width: 1920, height: 1080 } });
		expect(videoTarget(script, 'douyin')).toMatchObject({ aspectRatio: '9:16', size: { width: 1080, height: 1920 } });
	});

	it('is what the props are built from', () => {
		const script = squareYoutube();
		for (const platform of ['youtube', 'bilibili', 'douyin'] as const) {
			const target = videoTarget(script, platform);
			const props = buildProps(script, { platform });
			expect({ aspectRatio: props.aspectRatio, fps: props.fps, language: props.language, theme: props.theme }).toEqual({
				aspectRatio: target.aspectRatio,
				fps: target.fps,
				language: target.language,
				theme: target.theme,
			});
		}
	});
});

describe("the dry run for a platform other than the script's own, after a real run", () => {
	let dir: string;
	let voice: VoiceProvider;
	beforeAll(async () => {
		dir = await makeTempDir('reelsmith-target-');
		voice = createEspeakVoice();
	});
	afterAll(async () => {
		await voice?.close();
	});

	it('finds every voice and picture in the cache', async () => {
		const script = squareYoutube();
		const scriptFile = path.join(dir, 'script.json');
		await writeFile(scriptFile, json(script));
		const providers = { voice, storyboard: createProceduralStoryboard() };
		await prepareVideo({ script, scriptFile, outDir: dir, platform: 'bilibili', ...providers });
		const plan = await planVideo({ script, outDir: dir, platform: 'bilibili', ...providers });
		expect(plan.scenes.map((s) => [s.voice, s.image])).toEqual(script.scenes.map(() => ['cached', 'cached']));
		expect(plan.runCost.totalUsd).toBe(0);
	}, 60_000);
});
