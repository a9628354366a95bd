import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSite } from '../src/pipeline/render/bundle-site';
import { renderSettings } from '../src/pipeline/render/render-settings';
import { renderWithEngine } from '../src/pipeline/render/render-with-engine';
import { startFakeServer, type FakeServer } from './helpers/fake-server';
import { toneProps } from './helpers/tone-props';

describe('a voice that cannot load', () => {
	let dir: string;
	let serveUrl: string;
	let server: FakeServer;
	beforeAll(async () => {
		server = await startFakeServer({
			'GET /assets/voice-1.wav': () => ({ status: 404, headers: { 'content-type': 'application/xml' }, body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>' }),
		});
	});
	afterAll(async () => {
		await server?.close();
		await Promise.all([dir, serveUrl].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
	});

	// Lambda renders as the screenshot engine does: an asset URL answering 404 (an expired or missing upload)
	// used to fall back to HTML5 audio, which never settled, and the render hung
	it('fails the screenshot render (and so a Lambda render) naming the asset, instead of hanging', async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-missing-audio-'));
		const tones = await toneProps(dir);
		// as on Lambda: the voice is a URL, here on a local server that answers 404 as S3 does for a missing key
		const missing = `${server.url}/assets/voice-1.wav`;
		const props = { ...tones, scenes: tones.scenes.map((s, i) => (i === 1 && s.audio ? { ...s, audio: { ...s.audio, src: missing } } : s)) };
		serveUrl = await bundleSite(dir);
		const rendered = renderWithEngine({ publicDir: dir, serveUrl, props, outputFile: path.join(dir, 'out.mp4'), settings: renderSettings(true, { engine: 'screenshot' }) });
		await expect(rendered).rejects.toThrow(/voice-1\.wav/);
		expect(server.requests.some((r) => r.path === '/assets/voice-1.wav')).toBe(true);
	}, 180_000);
});
