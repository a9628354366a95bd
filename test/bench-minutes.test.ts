import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBenchAssets } from '../src/bench/bench-assets';
import { ROOT, runScript } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

const digest = async (file: string) =>
	createHash('sha256')
		.update(await readFile(file))
		.digest('hex');

describe('npm run bench -- --minutes N', () => {
	it('makes ten scenes a minute, each later minute following the first minute’s recipes with pictures of its own', async () => {
		const dir = await makeTempDir('reelsmith-bench-minutes-');
		const { script } = await makeBenchAssets(dir, { minutes: 1.1, sceneSeconds: 0.2 });
		expect(script.scenes).toHaveLength(11);
		expect(script.scenes[10]!.narration).toBe(script.scenes[0]!.narration);
		expect(script.scenes[10]!.image).toBe('11.png');
		// the same tone (recipe 1), a different picture
		expect(await digest(path.join(dir, '11.wav'))).toBe(await digest(path.join(dir, '01.wav')));
		expect(await digest(path.join(dir, '11.png'))).not.toBe(await digest(path.join(dir, '01.png')));
		// deterministic: the same minute again is the same files
		const again = await makeTempDir('reelsmith-bench-minutes-');
		await makeBenchAssets(again, { minutes: 0.1, sceneSeconds: 0.2 });
		expect(await digest(path.join(again, '01.png'))).toBe(await digest(path.join(dir, '01.png')));
	}, 60_000);

	it('refuses more minutes than the seed baseline can read unless the baseline is skipped, before making anything', async () => {
		const result = await runScript('scripts/bench.ts', ['--minutes', '10'], ROOT);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/the seed's baseline reads at most 99 scenes \(9 minutes\); add --skip-baseline for --minutes 10/);
		expect(result.stdout).not.toContain('assets in');
		const bad = await runScript('scripts/bench.ts', ['--minutes', 'lots'], ROOT);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--minutes must be a number above 0, got lots/);
	}, 60_000);
});
