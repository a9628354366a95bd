import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree } from './helpers/file-tree';
import { ROOT, runScript } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

/** Runs a command with REELSMITH_FFMPEG set, in a fresh folder; returns its result and what it made under out/. */
const runWithFfmpeg = async (ffmpeg: (dir: string) => Promise<string>, command: 'render' | 'make') => {
	const dir = await makeTempDir('reelsmith-ffmpeg-first-');
	const out = path.join(dir, 'out');
	const args =
		command === 'render'
			? ['scripts/render.ts', ['--props', path.join(ROOT, 'test/fixtures/three-scenes.json'), '--out', out]]
			: ['scripts/make.ts', ['--from', path.join(ROOT, 'examples/ai-writing-article.md'), '--out', out]];
	const result = await runScript(args[0] as string, args[1] as string[], ROOT, { ...process.env, REELSMITH_FFMPEG: await ffmpeg(dir) });
	return { ...result, made: await listTree(out) };
};

/** An ffmpeg that runs the real one but leaves `alimiter` out of its filter list, as a stripped-down build would. */
const withoutLimiter = async (dir: string) => {
	const file = path.join(dir, 'ffmpeg-without-alimiter');
	await writeFile(file, '#!/bin/sh\nffmpeg "$@" | grep -v " alimiter "\n');
	await chmod(file, 0o755);
	return file;
};

describe('ffmpeg is checked before any voice, image or frame', () => {
	it.each(['render', 'make'] as const)(
		'npm run %s with no ffmpeg: exit 1, how to install it, nothing made',
		async (command) => {
			const result = await runWithFfmpeg(async (dir) => path.join(dir, 'no-such-ffmpeg'), command);
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(
				/ffmpeg \(.*no-such-ffmpeg\) could not be run: not found; REELSMITH_FFMPEG names it: .*; every render needs ffmpeg .*apt-get install ffmpeg.*REELSMITH_FFMPEG/,
			);
			expect(result.stderr).not.toMatch(/voice|storyboard|rendering/);
			expect(result.made).toEqual([]);
		},
		60_000,
	);

	it('an ffmpeg without a filter the loudness stage uses is named with the filter it lacks', async () => {
		const result = await runWithFfmpeg(withoutLimiter, 'render');
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/ffmpeg \(.*\) lacks the filter alimiter; /);
		expect(result.made).toEqual([]);
	}, 60_000);
});
