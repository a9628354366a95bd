import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSettings } from '../src/pipeline/render/render-settings';
import { renderWithEngine } from '../src/pipeline/render/render-with-engine';
import { makeTempDir } from './helpers/temp-dir';
import { toneProps } from './helpers/tone-props';

// A URL that answers 404 on the screenshot engine (and so on Lambda) is in test/lambda-rehearsal.test.ts.
describe('a voice that cannot load, on the web engine', () => {
	it('fails the render at once with the cause naming the file, not after the delayRender timeout', async () => {
		const dir = await makeTempDir('reelsmith-missing-audio-');
		const props = await toneProps(dir);
		await rm(path.join(dir, 'voice-1.wav'));
		const rendered = renderWithEngine({ publicDir: dir, props, outputFile: path.join(dir, 'out.mp4'), settings: renderSettings(true, { engine: 'web' }) });
		// before: "A delayRender() "Extracting audio for frame 0" was called but not cleared after 28000ms"
		await expect(rendered).rejects.toThrow(/Cannot render audio "[^"]*voice-1\.wav"/);
	}, 120_000);
});
