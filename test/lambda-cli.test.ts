import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runScript } from './helpers/run-command';
import { json, validScript, withFirstScene } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';

const CLI = 'scripts/lambda-render.ts';

/** The environment with every AWS and Remotion credential removed, and a home without ~/.aws. */
const offlineEnv = (home: string): NodeJS.ProcessEnv => {
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AWS_|REMOTION_AWS_|REELSMITH_LAMBDA_)/.test(name)));
	return { ...env, HOME: home, AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'no-credentials') };
};

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
	dir = await makeTempDir('reelsmith-lambda-cli-');
	env = offlineEnv(dir);
});

/** Each case starts the CLI through tsx: a few seconds, more on a busy machine. */
const CLI_TIMEOUT = { timeout: 60_000 };

describe('npm run lambda:render -- --dry-run', CLI_TIMEOUT, () => {
	it('plans the examples/ batch offline, without credentials: frames and a price per video and in total', async () => {
		const out = path.join(dir, 'out-dry');
		const result = await runScript(CLI, ['--batch', path.join(ROOT, 'examples'), '--dry-run', '--out', out], ROOT, env);
		expect(result.stderr).not.toMatch(/failed|problem/);
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		for (const name of ['ai-tools-douyin.json', 'morning-routine-youtube.json', 'lighthouse-story-bilibili.json']) {
			const line = lines.find((l) => l.includes(`examples/${name}`));
			expect(line, name).toMatch(
				/: \d+ frames \(\d+\.\d s at 30 fps, \d+x\d+\); \d+ renderers × \d+ frames \+ main \+ cover = \d+ Lambdas, .*est\. \$\d+\.\d{4}$/,
			);
		}
		expect(result.stdout).toMatch(/→ \S*5个改变生活的ai工具\/douyin: \d+ frames \(\d+\.\d s at 30 fps, 1080x1920\)/);
		expect(result.stdout).toMatch(/→ \S*three-habits-of-calm-mornings\/youtube: \d+ frames \(\d+\.\d s at 30 fps, 1920x1080\)/);
		expect(result.stdout).toMatch(/→ \S*灯塔守望者的最后一夜\/bilibili: \d+ frames \(\d+\.\d s at 30 fps, 1920x1080\)/);
		expect(result.stdout).toMatch(/^total: \d+ frames \(\d+\.\d s of video\), est\. \$\d+\.\d{4} on Lambda/m);
		expect(result.stdout).toContain('Lambda plan: 3 videos in us-east-1; function 2048 MB memory, 2048 MB disk, 240 s timeout; 120 frames per Lambda');
		expect(result.stdout).toContain('nothing was uploaded or rendered (--dry-run)');
		// the articles in examples/ are not scripts
		expect(result.stderr).toContain('skipped');
		expect(result.stderr).toMatch(/skipped \S*ai-writing-article\.md: not a script JSON/);
	});

	it('takes several files after --props, the platforms, and the settings from flags and the environment', async () => {
		const result = await runScript(
			CLI,
			[
				'--props',
				path.join(ROOT, 'examples/ai-tools-douyin.json'),
				path.join(ROOT, 'examples/morning-routine-youtube.json'),
				'--platform',
				'douyin,youtube',
				'--frames-per-lambda',
				'60',
				'--dry-run',
				'--draft',
				'--out',
				path.join(dir, 'out-props'),
			],
			ROOT,
			{ ...env, REELSMITH_LAMBDA_REGION: 'eu-central-1' },
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Lambda plan: 4 videos in eu-central-1;');
		expect(result.stdout).toContain('; 60 frames per Lambda');
		expect(result.stdout).toMatch(/5个改变生活的ai工具\/youtube: \d+ frames \(\d+\.\d s at 30 fps, 960x540\); \d+ renderers × 60 frames/);
	});
});

describe('npm run lambda:render: bad input', CLI_TIMEOUT, () => {
	it('reports an invalid field of a script by its path and exits 2, before anything else', async () => {
		const file = path.join(dir, 'bad.json');
		await writeFile(file, json(withFirstScene({ transition: 'swirl' })));
		const result = await runScript(CLI, ['--props', file, '--out', path.join(dir, 'out-bad')], dir, env);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('scenes[0].transition: unknown transition "swirl"; use one of: fade_in, fade');
		expect(result.stderr).not.toContain('AWS');
	});

	it('reports every invalid script of a batch under its file', async () => {
		const batch = await mkdtemp(path.join(dir, 'batch-'));
		await writeFile(path.join(batch, 'a.json'), json(validScript({ target_platform: 'tiktok' })));
		await writeFile(path.join(batch, 'b.json'), json(withFirstScene({ duration: -1 })));
		await writeFile(path.join(batch, 'c.json'), json(validScript({ title: 'A good one' })));
		const result = await runScript(CLI, ['--batch', batch, '--dry-run'], dir, env);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('2 of 3 scripts');
		expect(result.stderr).toMatch(/a\.json: target_platform: unknown platform "tiktok"/);
		expect(result.stderr).toMatch(/b\.json: scenes\[0\]\.duration: /);
	});

	it('says which variable to set when there are no AWS credentials, before making any asset', async () => {
		const file = path.join(dir, 'good.json');
		await writeFile(file, json(validScript()));
		const out = path.join(dir, 'out-nocreds');
		const result = await runScript(CLI, ['--props', file, '--out', out], dir, env);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			'REMOTION_AWS_ACCESS_KEY_ID: no AWS credentials; set REMOTION_AWS_ACCESS_KEY_ID and REMOTION_AWS_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)',
		);
		// nothing was made: not even the output folder
		await expect(readdir(out)).rejects.toThrow(/ENOENT/);
	});

	it.each<[string, string[], RegExp]>([
		['no scripts', [], /--props or --batch is required/],
		['both --props and --batch', ['--props', 'a.json', '--batch', 'examples'], /either --props files or --batch DIR, not both/],
		['a file without --props', ['a.json'], /script files go after --props/],
		[
			'a bad --frames-per-lambda',
			['--batch', 'examples', '--frames-per-lambda', '2', '--dry-run'],
			/--frames-per-lambda: "2" is not a number from 5 to 100000/,
		],
		['a folder with no scripts', ['--batch', 'public', '--dry-run'], /--batch: "public" holds no \.json scripts/],
	])('rejects %s with exit 2', async (_name, args, message) => {
		const result = await runScript(CLI, args, ROOT, env);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
	});

	it('names a bad REELSMITH_LAMBDA_ variable', async () => {
		const result = await runScript(CLI, ['--batch', 'examples', '--dry-run'], ROOT, { ...env, REELSMITH_LAMBDA_MEMORY: '64' });
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('REELSMITH_LAMBDA_MEMORY: "64" is not a whole number from 512 to 10240');
	});
});
