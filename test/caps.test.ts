import { createCanvas } from '@napi-rs/canvas';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_MAX_MINUTES, benchSceneCount } from '../src/bench/bench-assets';
import { checkMusic } from '../src/pipeline/audio/resolve-music';
import { InputError } from '../src/schema/input-error';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, resolveSuppliedAssets } from '../src/pipeline/assets/supplied-assets';
import { scriptJsonSchema } from '../src/schema/json-schema';
import { parseScriptText, type ParseResult } from '../src/schema/parse-script';
import type { Problem } from '../src/schema/problems';
import {
	MAX_CHARACTER_DESCRIPTION_CHARS,
	MAX_CHARACTER_NAME_CHARS,
	MAX_CHARACTERS,
	MAX_MUSIC_STYLE_CHARS,
	MAX_SCENES,
	MAX_STYLE_CHARS,
	MAX_STYLE_PROMPT_CHARS,
	MAX_VOICE_CHARS,
} from '../src/schema/video-script';
import { startFakeServer, type FakeServer } from './helpers/fake-server';
import { listTree } from './helpers/file-tree';
import { pngHeader } from './helpers/png-header';
import { ROOT, runScript } from './helpers/run-command';
import { json, validScene, validScript } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';
import { toneWav } from './helpers/voice-audio';

const scenes = (count: number) => Array.from({ length: count }, (_, i) => validScene(i + 1, { duration: 1 }));
const characters = (count: number, name = (i: number) => `Person ${i + 1}`, description = 'a girl with a red scarf') =>
	Object.fromEntries(Array.from({ length: count }, (_, i) => [name(i), description]));

const problemsOf = (result: ParseResult): Problem[] => (result.ok ? [] : result.problems);

describe('the script caps', () => {
	it(`accepts a script right at every cap: ${MAX_SCENES} scenes, ${MAX_CHARACTERS} characters, fields at their longest`, () => {
		const result = parseScriptText(
			json(
				validScript({
					target_platform: 'bilibili',
					duration_target: MAX_SCENES,
					scenes: scenes(MAX_SCENES),
					style: 's'.repeat(MAX_STYLE_CHARS),
					style_prompt: '画'.repeat(MAX_STYLE_PROMPT_CHARS),
					voice: 'v'.repeat(MAX_VOICE_CHARS),
					music_style: 'm'.repeat(MAX_MUSIC_STYLE_CHARS),
					characters: characters(MAX_CHARACTERS, (i) => `${i}`.padStart(MAX_CHARACTER_NAME_CHARS, 'N'), '😀'.repeat(MAX_CHARACTER_DESCRIPTION_CHARS)),
				}),
			),
		);
		expect(problemsOf(result)).toEqual([]);
		expect(result.ok && result.script.scenes).toHaveLength(MAX_SCENES);
	});

	it.each<[string, Record<string, unknown>, string, RegExp]>([
		['301 scenes', { scenes: scenes(301) }, 'scenes', /^scenes has 301 scenes, at most 300; split the video into parts$/],
		['a 101-character style', { style: 's'.repeat(101) }, 'style', /^style must be at most 100 characters \(it has 101\); /],
		['a 600-character style_prompt', { style_prompt: 'p'.repeat(600) }, 'style_prompt', /^style_prompt must be at most 500 characters \(it has 600\); /],
		['a 101-character voice', { voice: 'v'.repeat(101) }, 'voice', /^voice must be at most 100 characters \(it has 101\); give only the name of the voice/],
		['a 101-character music_style', { music_style: 'm'.repeat(101) }, 'music_style', /^music_style must be at most 100 characters \(it has 101\); /],
		['21 characters', { characters: characters(21) }, 'characters', /^characters has 21 characters, at most 20; keep the ones who recur/],
		[
			'a 41-character name',
			{ characters: { [`M${'i'.repeat(40)}`]: 'a girl' } },
			`characters.M${'i'.repeat(40)}`,
			/^character name must be at most 40 characters \(it has 41\); use a short name/,
		],
		[
			'a 501-character description',
			{ characters: { Mia: 'd'.repeat(501) } },
			'characters.Mia',
			/^character description must be at most 500 characters \(it has 501\); /,
		],
	])('refuses %s, naming the field and the fix', (_name, patch, field, message) => {
		const problems = problemsOf(parseScriptText(json(validScript(patch))));
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toBe(field);
		expect(problems[0]!.message).toMatch(message);
	});

	it('gives editors and LLMs the same caps in the JSON Schema, and the committed schema file is current', () => {
		const schema = scriptJsonSchema() as { properties: Record<string, Record<string, unknown>> };
		const { properties } = schema;
		expect(properties.scenes).toMatchObject({ maxItems: MAX_SCENES });
		expect(properties.style).toMatchObject({ maxLength: MAX_STYLE_CHARS });
		expect(properties.style_prompt).toMatchObject({ maxLength: MAX_STYLE_PROMPT_CHARS });
		expect(properties.voice).toMatchObject({ maxLength: MAX_VOICE_CHARS });
		expect(properties.music_style).toMatchObject({ maxLength: MAX_MUSIC_STYLE_CHARS });
		expect(properties.characters).toMatchObject({
			maxProperties: MAX_CHARACTERS,
			propertyNames: { maxLength: MAX_CHARACTER_NAME_CHARS },
			// a description, or {description, reference}: the same cap either way
			additionalProperties: {
				anyOf: [{ maxLength: MAX_CHARACTER_DESCRIPTION_CHARS }, { properties: { description: { maxLength: MAX_CHARACTER_DESCRIPTION_CHARS } } }],
			},
		});
		const committed = JSON.parse(readFileSync(path.join(ROOT, 'schema/video-script.schema.json'), 'utf8'));
		expect(committed, 'schema/video-script.schema.json is out of date: run npm run schema').toEqual(JSON.parse(JSON.stringify(schema)));
	});

	it(`npm run bench -- --minutes N goes up to ${BENCH_MAX_MINUTES} minutes (${MAX_SCENES} scenes) and refuses more before making anything`, async () => {
		expect(benchSceneCount(BENCH_MAX_MINUTES)).toBe(MAX_SCENES);
		const result = await runScript('scripts/bench.ts', ['--minutes', '31', '--skip-baseline'], ROOT);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/--minutes 31 makes 310 scenes, more than the 300 a script may have; give --minutes 30 or less/);
		expect(result.stdout).not.toContain('assets in');
	}, 60_000);
});

describe('supplied files: checked whole before any is copied', () => {
	const scriptWithImages = (names: readonly string[]) => parseScriptText(json(validScript({ scenes: names.map((image, i) => validScene(i + 1, { image })) })));

	const resolveImages = async (files: Record<string, Buffer>) => {
		const dir = await makeTempDir('reelsmith-caps-images-');
		for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes);
		const parsed = scriptWithImages(Object.keys(files));
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
		const publicDir = path.join(dir, 'public');
		const result = await resolveSuppliedAssets(parsed.script, path.join(dir, 'script.json'), ROOT, publicDir).then(
			(assets) => ({ assets, problems: [] as readonly Problem[] }),
			(error: unknown) => {
				if (!(error instanceof InputError)) throw error;
				return { assets: null, problems: error.problems };
			},
		);
		return { ...result, stashed: await readdir(path.join(publicDir, 'supplied')).catch(() => []) };
	};

	it('takes real PNG, JPEG and WebP images, and headers right at the caps', async () => {
		const canvas = createCanvas(48, 27);
		canvas.getContext('2d').fillRect(0, 0, 24, 13);
		const { assets, problems } = await resolveImages({
			'a.png': await canvas.encode('png'),
			'b.jpeg': await canvas.encode('jpeg', 90),
			'c.webp': await canvas.encode('webp', 80),
			'side.png': pngHeader(MAX_IMAGE_SIDE, MAX_IMAGE_PIXELS / MAX_IMAGE_SIDE),
		});
		expect(problems).toEqual([]);
		expect([...assets!.values()].map((a) => path.extname(a.image!.src))).toEqual(['.png', '.jpg', '.webp', '.png']);
	});

	it('refuses images over a side or over the pixel count, each by its field, and copies none of the good ones', async () => {
		const { problems, stashed } = await resolveImages({
			'fine.png': await createCanvas(8, 8).encode('png'),
			'wide.png': pngHeader(MAX_IMAGE_SIDE + 1, 10),
			'big.png': pngHeader(7000, 6000),
		});
		expect(problems).toEqual([
			{
				path: 'scenes[1].image',
				message: expect.stringMatching(/^wide\.png is 10001×10 px \(0\.1 megapixels\), more than the 10000 px a side and 40 megapixels/),
			},
			{
				path: 'scenes[2].image',
				message: expect.stringMatching(/^big\.png is 7000×6000 px \(42 megapixels\), .*; resize it to at most 10000 px a side and 40 megapixels/),
			},
		]);
		expect(stashed).toEqual([]);
	});

	it('checks a music file without copying it; stash copies it', async () => {
		const dir = await makeTempDir('reelsmith-caps-music-');
		await writeFile(path.join(dir, 'bed.wav'), toneWav(1500));
		const parsed = parseScriptText(json(validScript({ music: 'bed.wav' })));
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
		const checked = await checkMusic(parsed.script, path.join(dir, 'script.json'), ROOT);
		const publicDir = path.join(dir, 'public');
		expect(await listTree(publicDir)).toEqual([]);
		const stashed = await checked.stash(publicDir);
		expect(stashed).toMatchObject({ src: expect.stringMatching(/^music\/[0-9a-f]{24}\.wav$/), durationMs: 1500 });
	});
});

describe('over a cap: exit 2 naming the field, before any provider call, file or browser', () => {
	const KEY = 'sk-test-caps-7d1e';
	let fake: FakeServer;
	let env: NodeJS.ProcessEnv;
	/** Paid providers pointed at the fake, which records any call they make. */
	const PAID = ['--tts', 'openai', '--images', 'openai'];

	beforeAll(async () => {
		const refuse = () => ({ status: 500, body: { error: { message: 'this test expects no provider call' } } });
		fake = await startFakeServer({
			'POST /v1/chat/completions': refuse,
			'POST /v1/audio/speech': refuse,
			'POST /v1/audio/transcriptions': refuse,
			'POST /v1/images/generations': refuse,
		});
		env = { ...process.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${fake.url}/v1`, REELSMITH_LLM: '', REELSMITH_TTS: '', REELSMITH_IMAGES: '' };
	});
	afterAll(async () => {
		await fake.close();
	});

	/** Runs a CLI in a fresh folder holding `files`; returns its result and every entry under its --out. */
	const run = async (cli: 'render' | 'make', files: Record<string, string | Buffer>, args: (dir: string) => string[]) => {
		const dir = await makeTempDir(`reelsmith-caps-${cli}-`);
		for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
		const out = path.join(dir, 'out');
		const result = await runScript(`scripts/${cli}.ts`, [...args(dir), '--out', out, ...PAID], dir, env);
		return { ...result, made: await listTree(out) };
	};
	const render = (script: Record<string, unknown>, files: Record<string, string | Buffer> = {}) =>
		run('render', { 'script.json': json(script), ...files }, (dir) => ['--props', path.join(dir, 'script.json')]);

	const expectRefused = (result: Awaited<ReturnType<typeof run>>, problem: RegExp) => {
		expect(result.code, result.stderr).toBe(2);
		expect(result.stderr).toMatch(problem);
		expect(result.stderr).not.toMatch(/at .*\.ts:\d+|failed:/);
		// no browser (the environment check starts one), no voice or image stage, no render
		expect(result.stderr).not.toMatch(/environment ready|browser|voice and storyboard|rendering/);
		expect(result.made).toEqual([]);
		expect(fake.requests.map((r) => r.path)).toEqual([]);
	};

	it('301 scenes', async () => {
		expectRefused(
			await render(validScript({ target_platform: 'youtube', scenes: scenes(301) })),
			/- scenes: scenes has 301 scenes, at most 300; split the video into parts/,
		);
	}, 60_000);

	it('a 600-character style_prompt', async () => {
		expectRefused(await render(validScript({ style_prompt: 'p'.repeat(600) })), /- style_prompt: style_prompt must be at most 500 characters \(it has 600\)/);
	}, 60_000);

	it('21 characters', async () => {
		expectRefused(await render(validScript({ characters: characters(21) })), /- characters: characters has 21 characters, at most 20/);
	}, 60_000);

	it('a 40000×40000 PNG as a scene image, next to a good one: no browser, nothing stashed, voiced or drawn', async () => {
		const canvas = createCanvas(64, 36);
		canvas.getContext('2d').fillRect(0, 0, 32, 18);
		const result = await render(validScript({ scenes: [validScene(1, { image: 'fine.png' }), validScene(2, { image: 'bomb.png' })] }), {
			'fine.png': await canvas.encode('png'),
			'bomb.png': pngHeader(40_000, 40_000),
		});
		expectRefused(
			result,
			/- scenes\[1\]\.image: bomb\.png is 40000×40000 px \(1600 megapixels\), more than .*; resize it to at most 10000 px a side and 40 megapixels/,
		);
		expect(result.stderr).not.toMatch(/scenes\[0\]/);
	}, 60_000);

	it('a script image whose header cannot be read', async () => {
		const result = await render(validScript({ scenes: [validScene(1, { image: 'cut.png' }), validScene(2)] }), {
			'cut.png': pngHeader(100, 100).subarray(0, 20),
		});
		expectRefused(result, /- scenes\[0\]\.image: cut\.png is not a valid PNG image \(it has no IHDR header\); export it again as PNG, JPEG or WebP/);
	}, 60_000);

	it("the script's music file that does not decode is refused before any voice or image", async () => {
		const result = await render(validScript({ music: 'bed.mp3' }), { 'bed.mp3': 'not audio at all\n' });
		expectRefused(result, /- music: bed\.mp3 is not audio that can be decoded/);
	}, 60_000);

	it('a 2 MiB --from article, before the LLM is asked', async () => {
		const article = `# A long article\n\n${'This sentence is part of a very long article. '.repeat(46_000)}`;
		expect(Buffer.byteLength(article)).toBeGreaterThan(2 * 2 ** 20);
		const result = await run('make', { 'article.md': article }, (dir) => ['--from', path.join(dir, 'article.md'), '--llm', 'openai']);
		expectRefused(
			result,
			/- --from: is 2\.1 MiB, more than the 1 MiB an article may be; split it into parts and make a video of each, or pass a shorter article/,
		);
	}, 60_000);

	it('a --from that is not a regular file (a FIFO is never opened)', async () => {
		const result = await run('make', {}, (dir) => {
			execFileSync('mkfifo', [path.join(dir, 'article.md')]);
			return ['--from', path.join(dir, 'article.md')];
		});
		expectRefused(result, /- --from: is not a regular file; pass a Markdown or text article/);
	}, 60_000);

	it('a --music file that does not decode, before the LLM is asked', async () => {
		const result = await run(
			'make',
			{ 'article.md': '# Notes\n\nA short article about mornings. It has two sentences.\n', 'bed.mp3': 'not audio\n' },
			(dir) => ['--from', path.join(dir, 'article.md'), '--llm', 'openai', '--music', path.join(dir, 'bed.mp3')],
		);
		expectRefused(result, /- --music: .*bed\.mp3 is not audio that can be decoded/);
	}, 60_000);
});
