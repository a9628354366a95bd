import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssetCache } from '../src/cache/asset-cache';
import type { Manifest } from '../src/pipeline/assets/manifest';
import { ROOT, runScript, type CommandResult } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

/** `npm run render -- …`, offline providers named so no environment variable picks others. */
const npmRender = (args: readonly string[]): Promise<CommandResult> => runScript('scripts/render.ts', [...args, '--tts', 'espeak', '--images', 'procedural']);

const flipBytes = async (file: string) => {
	const data = await readFile(file);
	for (const at of [Math.floor(data.length / 2), data.length - 1]) data.writeUInt8(data.readUInt8(at) ^ 0xff, at);
	await writeFile(file, data);
};

/**
 * Fault drill: a cache damaged between two runs of the real CLI. What it leaves on disk, all inside one temp folder
 * (`reelsmith-drill-*`) that the temp-dir helper removes after this file:
 * - `out/.cache/voice/` and `out/.cache/image/`: three entries each (data file plus `.meta.json` record), all sound
 *   again: the second run rewrote the rotted voice and the forged image record in place, under the same keys;
 *   `out/.cache/music/`: the music bed;
 * - `out/render-test-three-scenes/`: manifest.json, summary.json (of the second run) and `bilibili/` with the draft
 *   video.mp4, props.json, cover.jpg, captions and metadata;
 * - `script.json` (a copy of the three-scene fixture) and `foreign.jpg`, the file outside the cache the forged record
 *   pointed at, byte for byte as the drill wrote it.
 * Nothing else: no partial file, and the runs' temp files go to the test run's private TMPDIR, checked empty at the end.
 */
describe('fault drill: a corrupt cache between two runs', () => {
	it('remakes only the damaged voice and the foreign image, warns about each, and leaves the outside file alone', async () => {
		const dir = await makeTempDir('reelsmith-drill-');
		const out = path.join(dir, 'out');
		const cacheRoot = path.join(out, '.cache');
		const script = path.join(dir, 'script.json');
		await writeFile(script, await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json')));
		const videoDir = path.join(out, 'render-test-three-scenes');
		const args = ['--props', script, '--out', out, '--draft'];

		const first = await npmRender(args);
		expect(first.code, first.stderr).toBe(0);
		expect(first.stderr).not.toContain('cache:');
		const manifest = JSON.parse(await readFile(path.join(videoDir, 'manifest.json'), 'utf8')) as Manifest;
		const voice = manifest.scenes['1']!.voice!;
		const image = manifest.scenes['2']!.image!;

		// a voice whose data rotted: same size, other bytes
		const voiceFile = path.join(cacheRoot, voice.file);
		const voiceSize = (await stat(voiceFile)).size;
		await flipBytes(voiceFile);
		expect((await stat(voiceFile)).size).toBe(voiceSize);
		// an image record forged to serve a file outside the cache, with that file's own size and sha256
		const foreign = path.join(dir, 'foreign.jpg');
		const foreignBytes = Buffer.from('not yours to serve');
		await writeFile(foreign, foreignBytes);
		const recordFile = path.join(cacheRoot, 'image', `${image.key}.meta.json`);
		const record = JSON.parse(await readFile(recordFile, 'utf8'));
		const forgedFile = path.relative(cacheRoot, foreign).split(path.sep).join('/');
		expect(forgedFile).toBe('../../foreign.jpg');
		await writeFile(
			recordFile,
			JSON.stringify({ ...record, file: forgedFile, bytes: foreignBytes.length, sha256: createHash('sha256').update(foreignBytes).digest('hex') }),
		);

		const second = await npmRender(args);
		expect(second.code, second.stderr).toBe(0);
		const warnings = second.stderr.split('\n').filter((line) => line.startsWith('cache:'));
		// voice and images are made concurrently: the warnings come in either order
		expect([...warnings].sort()).toEqual(
			[
				`cache: voice/${voice.key.slice(0, 6)}… is corrupt (sha256 does not match its record); making it again`,
				`cache: image/${image.key.slice(0, 6)}… is corrupt (its file "../../foreign.jpg" is outside the cache); making it again`,
			].sort(),
		);
		expect(second.stderr).not.toMatch(/\n\s+at /);

		const summary = JSON.parse(await readFile(path.join(videoDir, 'summary.json'), 'utf8'));
		expect(summary.stages.voice).toMatchObject({ generated: 1, cached: 2 });
		expect(summary.stages.storyboard).toMatchObject({ generated: 1, cached: 2 });
		expect(await readFile(foreign)).toEqual(foreignBytes);
		const video = path.join(videoDir, 'bilibili', 'video.mp4');
		expect(existsSync(video)).toBe(true);
		expect((await stat(video)).size).toBe(summary.platforms.bilibili.sizeBytes);
		expect(await readFile(path.join(videoDir, 'bilibili', 'props.json'), 'utf8')).not.toContain('foreign');

		// the cache is sound again: both entries are served, with no word
		const checks: string[] = [];
		const cache = new AssetCache(cacheRoot, { onWarning: (message) => checks.push(message) });
		expect(await cache.get('voice', voice.key)).toMatchObject({ file: voice.file });
		expect(await cache.get('image', image.key)).toMatchObject({ file: image.file });
		expect(checks).toEqual([]);
		expect(((await readdir(dir, { recursive: true })) as string[]).filter((name) => name.includes('.partial'))).toEqual([]);
	}, 600_000);
});
