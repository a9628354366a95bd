import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { own, ownedKinds, releaseAll } from '../src/node/owned-resources';
import { makeOwnedTempDir } from '../src/node/owned-temp-dir';
import { partialPathFor } from '../src/node/partial-path';
import { sweepStalePartials, sweepStaleTempDirs } from '../src/node/stale-partials';
import { writeThroughPartial } from '../src/node/write-through-partial';
import { renderOverrides } from '../src/pipeline/cli/render-overrides';
import { InputError } from '../src/schema/input-error';
import { fingerprintSources, renderKey } from '../src/pipeline/render/render-key';
import { renderSettings } from '../src/pipeline/render/render-settings';
import { buildProps } from '../src/props/build-props';
import { parseScriptText } from '../src/schema/parse-script';
import { renderStallMs, StallError, withStallWatchdog } from '../src/pipeline/render/stall-watchdog';
import { planChunks } from '../src/pipeline/render/web/chunk-plan';
import { ChunkRenderError } from '../src/pipeline/render/web/chunk-render-error';
import { deadPid } from './helpers/dead-pid';
import { makeTempDir } from './helpers/temp-dir';
import { ROOT, runScript } from './helpers/run-command';

let dir: string;
beforeAll(async () => {
	dir = await makeTempDir('reelsmith-lifecycle-');
});

describe('chunks of a web render', () => {
	it('are at most chunkFrames long, at least one per browser, contiguous and cover the range', () => {
		for (const [range, concurrency, chunkFrames] of [
			[[0, 1889], 1, 900],
			[[0, 53_999], 1, 900],
			[[10, 20], 3, 900],
			[[0, 99], 2, 7],
		] as const) {
			const chunks = planChunks(range, concurrency, chunkFrames);
			expect(chunks.length).toBeGreaterThanOrEqual(Math.min(concurrency, range[1] - range[0] + 1));
			expect(chunks[0]!.frameRange[0]).toBe(range[0]);
			expect(chunks.at(-1)!.frameRange[1]).toBe(range[1]);
			chunks.forEach((chunk, i) => {
				expect(chunk.index).toBe(i);
				expect(chunk.frameRange[1] - chunk.frameRange[0] + 1).toBeLessThanOrEqual(chunkFrames);
				if (i > 0) expect(chunk.frameRange[0]).toBe(chunks[i - 1]!.frameRange[1] + 1);
			});
		}
		expect(planChunks([0, 53_999], 1, 900)).toHaveLength(60);
		// full-length chunks whatever the video's length, so a short video holds as much at once as a long one
		expect(planChunks([0, 1889], 1, 900).map((c) => c.frameRange)).toEqual([
			[0, 899],
			[900, 1799],
			[1800, 1889],
		]);
		// shorter chunks only where that gives each browser work
		expect(planChunks([10, 20], 3, 900).map((c) => c.frameRange)).toEqual([
			[10, 13],
			[14, 17],
			[18, 20],
		]);
	});

	it('name the chunk, the frame, the cause, the log and how to resume when one fails, in one line', () => {
		const error = new ChunkRenderError({ index: 2, frameRange: [1800, 2699] }, 12, 1834, 'the page crashed', '/out/x/.video.mp4.chunks/chromium.log', 2);
		expect(error.message).toBe(
			"chunk 3 of 12 (frames 1800–2699) failed at frame 1834: the page crashed; Chromium's log: /out/x/.video.mp4.chunks/chromium.log; run again to resume (2 of 12 chunks are kept)",
		);
		expect(error.message).not.toContain('\n');
	});
});

describe('the stall watchdog', () => {
	it('fails work that stops making progress, after stopping it', async () => {
		let stopped = false;
		const hung = withStallWatchdog(
			200,
			() => new Promise<never>(() => undefined),
			() => {
				stopped = true;
			},
		);
		await expect(hung).rejects.toBeInstanceOf(StallError);
		expect(stopped).toBe(true);
	});

	it('lets work that keeps touching run past the limit, and returns its result', async () => {
		const result = await withStallWatchdog(
			150,
			async (touch) => {
				for (let i = 0; i < 8; i++) {
					await new Promise((r) => setTimeout(r, 60));
					touch();
				}
				return 'done';
			},
			() => {
				throw new Error('must not stall');
			},
		);
		expect(result).toBe('done');
	});

	it('reads its limit from REELSMITH_RENDER_STALL_S and refuses nonsense as bad input', () => {
		expect(renderStallMs({})).toBe(60_000);
		expect(renderStallMs({ REELSMITH_RENDER_STALL_S: '2.5' })).toBe(2500);
		expect(() => renderStallMs({ REELSMITH_RENDER_STALL_S: 'soon' })).toThrow(InputError);
		expect(() => renderStallMs({ REELSMITH_RENDER_STALL_S: '0' })).toThrow(/REELSMITH_RENDER_STALL_S/);
	});
});

describe('render overrides from the command line and environment', () => {
	it('take the renderer and the chunk size, and refuse a bad chunk size or stall limit before any work', () => {
		expect(renderOverrides('screenshot', {})).toEqual({ engine: 'screenshot' });
		expect(renderOverrides(undefined, { REELSMITH_CHUNK_FRAMES: '120' })).toEqual({ chunkFrames: 120 });
		expect(() => renderOverrides(undefined, { REELSMITH_CHUNK_FRAMES: '0' })).toThrow(/REELSMITH_CHUNK_FRAMES/);
		expect(() => renderOverrides(undefined, { REELSMITH_CHUNK_FRAMES: '1.5' })).toThrow(InputError);
		expect(() => renderOverrides(undefined, { REELSMITH_RENDER_STALL_S: '-1' })).toThrow(/REELSMITH_RENDER_STALL_S/);
	});
});

describe('what a run owns', () => {
	it('is released newest first on releaseAll, and an owner that released it itself is not released again', async () => {
		const released: string[] = [];
		own({ kind: 'first', release: () => void released.push('first'), releaseNow: () => undefined });
		const disown = own({ kind: 'gone', release: () => void released.push('gone'), releaseNow: () => undefined });
		own({ kind: 'second', release: () => void released.push('second'), releaseNow: () => undefined });
		disown();
		expect(await releaseAll()).toEqual(['second', 'first']);
		expect(released).toEqual(['second', 'first']);
		expect(ownedKinds()).toEqual([]);
	});

	it('includes temp folders, removed by their owner or by releaseAll', async () => {
		const kept = makeOwnedTempDir('lifecycle');
		const removed = makeOwnedTempDir('lifecycle');
		expect(path.basename(kept.path)).toMatch(new RegExp(`^reelsmith-lifecycle-${process.pid}-`));
		await removed.remove();
		expect(ownedKinds()).toEqual(['temp folder']);
		await releaseAll();
		expect(await readdir(path.dirname(kept.path))).not.toContain(path.basename(kept.path));
	});

	it('includes a partial file: nothing at the final path when the writer fails, the file when it succeeds', async () => {
		const target = path.join(dir, 'through', 'video.mp4');
		await expect(
			writeThroughPartial(target, async (partial) => {
				await writeFile(partial, 'half');
				throw new Error('disk full');
			}),
		).rejects.toThrow('disk full');
		expect(await readdir(path.dirname(target))).toEqual([]);
		await writeThroughPartial(target, (partial) => writeFile(partial, 'whole'));
		expect(await readdir(path.dirname(target))).toEqual(['video.mp4']);
		expect(ownedKinds()).toEqual([]);
	});
});

describe('leftovers of killed runs', () => {
	it('are swept when their writer is gone; a live run’s partials and other files stay', async () => {
		const folder = path.join(dir, 'sweep');
		await mkdir(folder, { recursive: true });
		const dead = await deadPid();
		const deadPartial = `.video.mp4.${dead}.partial.mp4`;
		const deadChunk = `.0000000-0000899.mp4.${dead}.partial.mp4`;
		const livePartial = path.basename(partialPathFor(path.join(folder, 'video.mp4')));
		for (const name of [deadPartial, deadChunk, livePartial, 'video.mp4', 'cover.jpg']) await writeFile(path.join(folder, name), 'x');
		const swept = await sweepStalePartials([folder]);
		expect(swept.map((f) => path.basename(f)).sort()).toEqual([deadChunk, deadPartial].sort());
		expect((await readdir(folder)).sort()).toEqual([livePartial, 'cover.jpg', 'video.mp4'].sort());
	});

	it('include temp folders named for a dead process, and nothing else in the temp folder', async () => {
		const temp = path.join(dir, 'tmp');
		const dead = await deadPid();
		for (const name of [`reelsmith-browser-${dead}-AbC123`, `reelsmith-browser-${process.pid}-XyZ789`, 'reelsmith-home-gj1hZX', `other-${dead}-AbC123`]) {
			await mkdir(path.join(temp, name), { recursive: true });
		}
		expect((await sweepStaleTempDirs(temp)).map((f) => path.basename(f))).toEqual([`reelsmith-browser-${dead}-AbC123`]);
		expect((await readdir(temp)).sort()).toEqual([`other-${dead}-AbC123`, 'reelsmith-home-gj1hZX', `reelsmith-browser-${process.pid}-XyZ789`].sort());
	});
});

describe('the render key’s fingerprint of the code', () => {
	it('changes with the web engine’s page, its patches, the audio stages and the lock file, not with unrelated code', async () => {
		const root = path.join(dir, 'project');
		const files = {
			'src/web-render/web-render-entry.tsx': 'page',
			'src/pipeline/render/web/web-renderer-patches.ts': 'patches',
			'src/pipeline/audio/loudness.ts': 'loudness',
			'src/components/Caption.tsx': 'caption',
			'package-lock.json': '{}',
			'src/providers/voice/voice.ts': 'voice',
		};
		for (const [name, text] of Object.entries(files)) {
			await mkdir(path.dirname(path.join(root, name)), { recursive: true });
			await writeFile(path.join(root, name), text);
		}
		const before = await fingerprintSources(root);
		await writeFile(path.join(root, 'src/providers/voice/voice.ts'), 'voice, changed');
		expect(await fingerprintSources(root)).toBe(before);
		for (const name of Object.keys(files).filter((n) => !n.startsWith('src/providers'))) {
			const original = files[name as keyof typeof files];
			await writeFile(path.join(root, name), `${original}, changed`);
			expect(await fingerprintSources(root), name).not.toBe(before);
			await writeFile(path.join(root, name), original);
		}
		expect(await fingerprintSources(root)).toBe(before);
	});
});

describe('an error nobody catches', () => {
	it.each([
		['a throw in a timer', []],
		['a rejection nobody awaits', ['--reject']],
	])(
		'(%s) releases what the run owns and prints one line without the secret, exit 1',
		async (_name, args) => {
			const secret = 'sk-unseen-0123456789abcdef';
			const result = await runScript('test/fixtures/cli/fail-unseen.ts', args, ROOT, { ...process.env, FAKE_API_KEY: secret });
			expect(result.code).toBe(1);
			expect(result.stderr.trim()).toBe('fail-unseen failed: lost the thread with ***; stopped or removed 1 temp folder');
			const temp = result.stdout.trim();
			expect(path.basename(temp)).toMatch(/^reelsmith-unseen-\d+-/);
			expect(existsSync(temp)).toBe(false);
		},
		30_000,
	);
});

describe('the render key', () => {
	it('changes with the browser’s version, and only with it when nothing else changed', async () => {
		const parsed = parseScriptText(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8'));
		if (!parsed.ok) throw new Error('fixture is invalid');
		const props = buildProps(parsed.script);
		const browser = async (version: string) => {
			const file = path.join(dir, `chromium-${version}`);
			await writeFile(file, `#!/bin/sh\necho "Chromium ${version}"\n`, { mode: 0o755 });
			return file;
		};
		const [older, newer] = [await browser('155.0.1'), await browser('156.0.2')];
		const saved = process.env.REMOTION_BROWSER_EXECUTABLE;
		const keyWith = async (executable: string) => {
			process.env.REMOTION_BROWSER_EXECUTABLE = executable;
			return renderKey(props, renderSettings(true));
		};
		try {
			const first = await keyWith(older);
			expect(await keyWith(newer)).not.toBe(first);
			expect(await keyWith(older)).toBe(first);
		} finally {
			if (saved === undefined) delete process.env.REMOTION_BROWSER_EXECUTABLE;
			else process.env.REMOTION_BROWSER_EXECUTABLE = saved;
		}
	});
});
