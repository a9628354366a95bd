import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { budgetFor, budgetProblem, DEFAULT_MAX_COST_USD, dollars, isFreeProvider, parseMaxCost, runEstimate, type VideoCost } from '../src/cost/budget';
import { estimateCost } from '../src/cost/estimate-cost';
import { mergeUsages, sceneUsages, scriptUsage } from '../src/cost/video-usages';
import { startFakeServer, type FakeServer, type RecordedRequest } from './helpers/fake-server';
import { listTree } from './helpers/file-tree';
import { quadrantImage } from './helpers/quadrant-image';
import { ROOT, runScript } from './helpers/run-command';
import { json, validScene, validScript } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';
import { toneWav } from './helpers/voice-audio';

describe('parseMaxCost: --max-cost and REELSMITH_MAX_COST', () => {
	it('reads a non-negative amount of dollars from the flag, else the variable; the flag wins', () => {
		expect(parseMaxCost('0.5', undefined)).toEqual({ budget: { usd: 0.5, source: '--max-cost' }, problems: [] });
		expect(parseMaxCost(undefined, '2')).toEqual({ budget: { usd: 2, source: 'REELSMITH_MAX_COST' }, problems: [] });
		expect(parseMaxCost('1', '7').budget).toEqual({ usd: 1, source: '--max-cost' });
		// the flag wins even over a variable that would not parse
		expect(parseMaxCost('1', 'lots')).toEqual({ budget: { usd: 1, source: '--max-cost' }, problems: [] });
		expect(parseMaxCost('$2.50', undefined).budget?.usd).toBe(2.5);
		expect(parseMaxCost('.25', undefined).budget?.usd).toBe(0.25);
		expect(parseMaxCost(' 0 ', undefined).budget?.usd).toBe(0);
	});

	it('has no budget when neither is given (or the variable is empty)', () => {
		expect(parseMaxCost(undefined, undefined)).toEqual({ budget: null, problems: [] });
		expect(parseMaxCost(undefined, '  ')).toEqual({ budget: null, problems: [] });
	});

	it.each(['-1', 'abc', '', '1e3', 'Infinity', 'NaN', '5 USD', '1,5'])('refuses %j, naming the flag or the variable', (value) => {
		const flag = parseMaxCost(value, undefined);
		expect(flag.budget).toBeNull();
		expect(flag.problems).toEqual([{ path: '--max-cost', message: expect.stringContaining(`${JSON.stringify(value)} is not an amount of US dollars`) }]);
		expect(flag.problems[0]!.message).toContain('e.g. --max-cost 5');
		if (value.trim() === '') return;
		const env = parseMaxCost(undefined, value);
		expect(env.problems).toEqual([{ path: 'REELSMITH_MAX_COST', message: expect.stringContaining('e.g. REELSMITH_MAX_COST=5') }]);
	});
});

describe('budgetFor: the default applies only to paid providers', () => {
	const espeak = { name: 'espeak', model: 'espeak-ng-emscripten-1.0' };
	const procedural = { name: 'procedural', model: 'v1' };
	const article = { name: 'offline-article', model: 'v1' };
	const openaiTts = { name: 'openai-tts', model: 'gpt-4o-mini-tts/alloy' };

	it('is none offline, the default with a paid provider or on Lambda, and always the one given', () => {
		expect(budgetFor(null, [article, espeak, procedural])).toBeNull();
		expect(budgetFor(null, [{ name: 'edge-tts', model: 'edge-readaloud/default' }, null])).toBeNull();
		expect(budgetFor(null, [espeak, { name: 'openai-images', model: 'gpt-image-1.5' }])).toEqual({ usd: DEFAULT_MAX_COST_USD, source: 'default' });
		expect(budgetFor(null, [{ name: 'openai-chat', model: 'gpt-4o-mini' }, espeak, procedural])?.usd).toBe(5);
		expect(budgetFor(null, [{ name: 'compatible-images', model: 'FLUX.1-schnell@4' }])?.usd).toBe(5);
		expect(budgetFor(null, [{ name: 'google-tts', model: 'texttospeech-v1beta1/default' }])?.usd).toBe(5);
		expect(budgetFor(null, [espeak, procedural], true)?.usd).toBe(5);
		expect(budgetFor({ usd: 0.1, source: '--max-cost' }, [espeak])).toEqual({ usd: 0.1, source: '--max-cost' });
	});

	it('treats a voice chain as paid when any voice in it is, and an unknown model as paid', () => {
		expect(isFreeProvider({ name: 'chain(edge-tts,espeak)', model: 'edge-tts:edge-readaloud/default,espeak:espeak-ng' })).toBe(true);
		expect(isFreeProvider({ name: 'chain(edge-tts,google-tts)', model: 'edge-tts:edge-readaloud/default,google-tts:texttospeech-v1beta1/x' })).toBe(false);
		expect(isFreeProvider({ name: 'openai-chat', model: 'qwen-max' })).toBe(false);
		expect(isFreeProvider(openaiTts)).toBe(false);
	});

	it('prices a voice chain as its first voice', () => {
		const chain = { provider: 'chain(openai-tts,espeak)', model: 'openai-tts:gpt-4o-mini-tts/alloy,espeak:espeak-ng' };
		const estimate = estimateCost(sceneUsages([{ narration: 'hello there', voiceSeconds: 60, voice: chain, image: null }]));
		expect(estimate.unpriced).toEqual([]);
		expect(estimate.items.map((i) => [i.provider, i.usd])).toEqual([
			['openai-tts', 0.015],
			['openai-transcription', 0.006],
		]);
	});
});

describe('runEstimate: what a run still needs, across platforms', () => {
	const scene = (narration: string) => ({
		narration,
		voiceSeconds: 30,
		voice: { provider: 'openai-tts', model: 'gpt-4o-mini-tts/alloy' },
		image: { provider: 'openai-images', model: 'gpt-image-1.5' },
	});
	const cost = estimateCost(mergeUsages([scriptUsage('openai-chat', 'gpt-4o-mini', 'a topic', '{}'), ...sceneUsages([scene('one'), scene('two')])]));

	it('counts the script and the voices once per script, the pictures once per aspect, and every render', () => {
		const videos: VideoCost[] = [
			{ script: 'a.json', aspect: '9:16', cost, renderUsd: 0.002 },
			{ script: 'a.json', aspect: '16:9', cost, renderUsd: 0.003 },
			{ script: 'a.json', aspect: '16:9', cost, renderUsd: 0.003 },
		];
		const estimate = runEstimate(videos);
		const item = (provider: string) => estimate.assets.items.find((i) => i.provider === provider)!;
		expect(item('openai-tts')).toMatchObject({ minutes: 1, usd: 0.015 });
		expect(item('openai-transcription')).toMatchObject({ minutes: 1, usd: 0.006 });
		expect(item('openai-images')).toMatchObject({ images: 4, usd: 0.2 });
		expect(item('openai-chat').inputTokens).toBe(cost.items.find((i) => i.provider === 'openai-chat')!.inputTokens);
		expect(estimate.renders).toBe(3);
		expect(estimate.renderUsd).toBe(0.008);
		expect(estimate.totalUsd).toBeCloseTo(estimate.assets.totalUsd + 0.008, 4);
		// another script needs its own
		expect(runEstimate([...videos, { script: 'b.json', aspect: '9:16', cost }]).assets.items.find((i) => i.provider === 'openai-images')!.images).toBe(6);
	});

	it('refuses over the budget with the estimate per stage, the budget and how to go on; passes at or under it', () => {
		const estimate = runEstimate([{ script: 's', aspect: '9:16', cost, renderUsd: 0.002 }]);
		const problem = budgetProblem(estimate, { usd: 0.001, source: '--max-cost' })!;
		expect(problem.path).toBe('--max-cost');
		expect(problem.message).toMatch(/this run would cost about \$0\.\d{4} at list prices, more than the budget of \$0\.0010 \(--max-cost\)/);
		expect(problem.message).toMatch(/^ {4}script +\$0\.\d{4} .*openai-chat \(gpt-4o-mini\)$/m);
		expect(problem.message).toMatch(/^ {4}voice +\$0\.0210 +1\.0 min openai-tts/m);
		expect(problem.message).toMatch(/^ {4}images +\$0\.1000 +2 images openai-images \(gpt-image-1\.5\)$/m);
		expect(problem.message).toMatch(/^ {4}render +\$0\.0020 +1 video on AWS Lambda$/m);
		expect(problem.message).toMatch(/^ {4}total +\$0\.\d{4}$/m);
		expect(problem.message).toContain('raise the budget (--max-cost USD or REELSMITH_MAX_COST), or use cached assets or offline providers');
		expect(budgetProblem(estimate, { usd: 0.5, source: 'REELSMITH_MAX_COST' })).toBeNull();
		expect(budgetProblem(estimate, { usd: estimate.totalUsd, source: 'default' })).toBeNull();
		expect(budgetProblem(estimate, { usd: 0.01, source: 'default' })!.message).toContain(
			'more than the default budget of $0.0100 for runs with paid providers',
		);
		// nothing to make costs nothing, within any budget
		expect(budgetProblem(runEstimate([]), { usd: 0, source: '--max-cost' })).toBeNull();
	});

	it('prints dollars readably at any size', () => {
		expect([dollars(0), dollars(5), dollars(0.0535), dollars(0.00005)]).toEqual(['$0', '$5.00', '$0.0535', '$0.00005']);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// The CLIs, with the real OpenAI SDK against a local fake server: a refused run calls nothing and writes nothing.

const KEY = 'sk-test-budget-7c1d9e';
const speechMs = (text: string) => Math.max(600, [...text].length * 60);
const transcribe = (request: RecordedRequest) => {
	const form = request.body.toString('utf8');
	const prompt = /name="prompt"\r\n\r\n([\s\S]*?)\r\n--/.exec(form)?.[1] ?? '';
	const words = prompt.split(/\s+/).filter(Boolean);
	const step = speechMs(prompt) / 1000 / Math.max(1, words.length);
	return {
		text: prompt,
		language: 'english',
		duration: speechMs(prompt) / 1000,
		words: words.map((word, i) => ({ word, start: i * step, end: (i + 1) * step })),
	};
};

/** What the LLM writes for a topic: two short scenes. */
const LLM_SCRIPT = validScript({
	title: 'Budget topic',
	duration_target: 12,
	language: 'en',
	music_style: 'calm piano',
	style_prompt: 'flat illustration, soft colours',
	scenes: [validScene(1, { narration: 'Small steps add up.' }), validScene(2, { narration: 'Start today.' })],
});

let fake: FakeServer;
let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
	const image = (await quadrantImage(1024, 1536, 'jpeg')).toString('base64');
	fake = await startFakeServer({
		'POST /v1/chat/completions': (request) => ({
			body: {
				id: 'chatcmpl-1',
				object: 'chat.completion',
				created: 1,
				model: (request.json as { model: string }).model,
				choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: JSON.stringify(LLM_SCRIPT), refusal: null } }],
				usage: { prompt_tokens: 900, completion_tokens: 200, total_tokens: 1100 },
			},
		}),
		'POST /v1/audio/speech': (request) => ({
			headers: { 'content-type': 'audio/wav' },
			body: Buffer.from(toneWav(speechMs((request.json as { input: string }).input))),
		}),
		'POST /v1/audio/transcriptions': (request) => ({ body: transcribe(request) }),
		'POST /v1/images/generations': () => ({ body: { created: 1, data: [{ b64_json: image }] } }),
	});
	dir = await makeTempDir('reelsmith-budget-');
	// no budget, provider or Lambda setting of the person running the tests leaks in
	const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(REELSMITH_|AWS_|REMOTION_AWS_)/.test(name)));
	env = { ...clean, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${fake.url}/v1`, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials') };
});
beforeEach(() => {
	fake.requests.length = 0;
});
afterAll(async () => {
	await fake.close();
});

const oneScene = validScript({
	title: 'Budget check',
	duration_target: 6,
	language: 'en',
	scenes: [validScene(1, { narration: 'One calm scene.', duration: 5 })],
});

const scriptFile = async (name: string, script: unknown = oneScene) => {
	const file = path.join(dir, name);
	await writeFile(file, json(script));
	return file;
};

const paths = (requests: readonly RecordedRequest[]) => requests.map((r) => r.path);

describe('npm run render over its budget', () => {
	const PAID = ['--tts', 'openai', '--images', 'openai'];

	it('--max-cost 0.001: exit 2 with the estimate per stage and the budget; no request, no file', async () => {
		const out = path.join(dir, 'out-flag');
		const result = await runScript('scripts/render.ts', ['--props', await scriptFile('flag.json'), '--out', out, ...PAID, '--max-cost', '0.001'], dir, env);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('budget: 1 problem');
		expect(result.stderr).toMatch(/--max-cost: this run would cost about \$0\.\d{4} at list prices, more than the budget of \$0\.0010 \(--max-cost\)/);
		expect(result.stderr).toMatch(/^ {4}script +\$0 +nothing to pay for/m);
		expect(result.stderr).toMatch(/^ {4}voice +\$0\.\d{4} +\d\.\d min openai-tts \(gpt-4o-mini-tts/m);
		expect(result.stderr).toMatch(/^ {4}images +\$0\.0500 +1 image openai-images \(gpt-image-1\.5\)$/m);
		expect(result.stderr).toContain('raise the budget (--max-cost USD or REELSMITH_MAX_COST)');
		expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
		expect(fake.requests).toEqual([]);
		expect(await listTree(out)).toEqual([]);
	}, 60_000);

	it('REELSMITH_MAX_COST=0.001: the same refusal, naming the variable', async () => {
		const out = path.join(dir, 'out-env');
		const result = await runScript('scripts/render.ts', ['--props', await scriptFile('env.json'), '--out', out, ...PAID], dir, {
			...env,
			REELSMITH_MAX_COST: '0.001',
		});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/REELSMITH_MAX_COST: this run would cost about \$0\.\d{4} .*more than the budget of \$0\.0010 \(REELSMITH_MAX_COST\)/);
		expect(result.stderr).toMatch(/^ {4}images +\$0\.0500/m);
		expect(fake.requests).toEqual([]);
		expect(await listTree(out)).toEqual([]);
	}, 60_000);

	it('three platforms: one voice, pictures once per aspect (9:16 for douyin, 16:9 shared by bilibili and youtube)', async () => {
		const out = path.join(dir, 'out-platforms');
		const args = ['--props', await scriptFile('platforms.json'), '--out', out, ...PAID, '--platform', 'douyin,bilibili,youtube', '--max-cost', '0.001'];
		const result = await runScript('scripts/render.ts', args, dir, env);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^ {4}images +\$0\.1000 +2 images openai-images/m);
		const single = await runScript('scripts/render.ts', ['--props', path.join(dir, 'platforms.json'), '--out', out, ...PAID, '--max-cost', '0.001'], dir, env);
		const voiceLine = (text: string) => /^ {4}voice .*$/m.exec(text)?.[0];
		expect(voiceLine(result.stderr)).toBeDefined();
		expect(voiceLine(result.stderr)).toBe(voiceLine(single.stderr));
		expect(fake.requests).toEqual([]);
		expect(await listTree(out)).toEqual([]);
	}, 60_000);

	it('a bad --max-cost or REELSMITH_MAX_COST is bad input, named, exit 2', async () => {
		const file = await scriptFile('bad.json');
		const flag = await runScript('scripts/render.ts', ['--props', file, '--out', path.join(dir, 'out-bad'), '--max-cost=-3'], dir, env);
		expect(flag.code).toBe(2);
		expect(flag.stderr).toContain('--max-cost: "-3" is not an amount of US dollars; give a number of 0 or more, e.g. --max-cost 5');
		const variable = await runScript('scripts/render.ts', ['--props', file, '--out', path.join(dir, 'out-bad')], dir, { ...env, REELSMITH_MAX_COST: 'cheap' });
		expect(variable.code).toBe(2);
		expect(variable.stderr).toContain('REELSMITH_MAX_COST: "cheap" is not an amount of US dollars; give a number of 0 or more, e.g. REELSMITH_MAX_COST=5');
		expect(await listTree(path.join(dir, 'out-bad'))).toEqual([]);
	}, 60_000);

	it('a budget that fits renders; run again with a tiny budget and it succeeds, because cached assets are free', async () => {
		const out = path.join(dir, 'out-fits');
		const file = await scriptFile('fits.json');
		const first = await runScript('scripts/render.ts', ['--props', file, '--out', out, ...PAID, '--draft', '--max-cost', '1'], dir, env);
		expect(first.stderr).not.toContain('failed');
		expect(first.code).toBe(0);
		expect(first.stderr).toMatch(/render: budget: this run ≈ \$0\.\d{4} of the budget of \$1\.00 \(--max-cost\)/);
		expect(paths(fake.requests)).toEqual(expect.arrayContaining(['/v1/audio/speech', '/v1/images/generations']));

		fake.requests.length = 0;
		const again = await runScript('scripts/render.ts', ['--props', file, '--out', out, ...PAID, '--draft', '--max-cost', '0.0001'], dir, env);
		expect(again.stderr).not.toContain('failed');
		expect(again.code).toBe(0);
		expect(again.stderr).toMatch(/render: budget: this run ≈ \$0 of the budget of \$0\.0001/);
		expect(fake.requests).toEqual([]);
	}, 300_000);
});

describe('npm run make over its budget', () => {
	it('--topic with --llm openai and --max-cost 0.0001: refused before the LLM is called, nothing written', async () => {
		const out = path.join(dir, 'out-topic');
		const args = ['--topic', 'Small habits', '--duration', '12', '--llm', 'openai', '--max-cost', '0.0001', '--out', out];
		const result = await runScript('scripts/make.ts', args, dir, env);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/--max-cost: this run would cost about \$0\.\d{4} at list prices, more than the budget of \$0\.0001/);
		expect(result.stderr).toMatch(/^ {4}script +\$0\.\d{4} +~\d+ tokens openai-chat \(gpt-4o-mini\)$/m);
		expect(fake.requests).toEqual([]);
		expect(await listTree(out)).toEqual([]);
	}, 60_000);

	it('checks again with the script the LLM wrote, before any voice or image', async () => {
		// sized from --duration 5 the stand-in has one scene (one image, $0.05); the LLM writes two ($0.10)
		const out = path.join(dir, 'out-recheck');
		const args = ['--topic', 'Small habits', '--duration', '5', '--llm', 'openai', '--images', 'openai', '--max-cost', '0.07', '--out', out];
		const result = await runScript('scripts/make.ts', args, dir, env);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/make: budget: this run ≈ \$0\.05\d\d of the budget of \$0\.0700/);
		expect(result.stderr).toMatch(/with its script written, this run would cost about \$0\.10\d\d .*; no voice, image or video was made/);
		expect(result.stderr).toMatch(/^ {4}images +\$0\.1000 +2 images openai-images/m);
		expect(paths(fake.requests)).toEqual(['/v1/chat/completions']);
		const made = (await readdir(out, { recursive: true })) as string[];
		expect(made.filter((f) => /\.(jpg|png|wav|mp3|mp4)$/.test(f))).toEqual([]);
	}, 60_000);
});

describe('npm run lambda:render over its budget', () => {
	it('refuses before any upload or render call, with the render on Lambda in the estimate', async () => {
		const out = path.join(dir, 'out-lambda');
		const lambdaEnv = {
			...env,
			REMOTION_AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE',
			REMOTION_AWS_SECRET_ACCESS_KEY: 'fake-secret',
			// were the budget not checked first, the SDK would reach nothing
			AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
		};
		const args = [
			'--props',
			await scriptFile('lambda.json'),
			path.join(ROOT, 'examples/morning-routine-youtube.json'),
			'--images',
			'openai',
			'--out',
			out,
			'--max-cost',
			'0.001',
		];
		const result = await runScript('scripts/lambda-render.ts', args, dir, lambdaEnv);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/--max-cost: this run would cost about \$0\.\d{4} .*more than the budget of \$0\.0010 \(--max-cost\)/);
		expect(result.stderr).toMatch(/^ {4}images +\$0\.\d{4} +\d+ images openai-images/m);
		expect(result.stderr).toMatch(/^ {4}render +\$0\.\d{4} +2 videos on AWS Lambda$/m);
		expect(result.stderr).not.toMatch(/to S3|lambda:render failed/);
		expect(fake.requests).toEqual([]);
		expect(await listTree(out)).toEqual([]);

		// offline voices and pictures: the render alone is paid, and REELSMITH_MAX_COST=0 refuses it
		const offline = await runScript('scripts/lambda-render.ts', ['--props', path.join(dir, 'lambda.json'), '--out', out], dir, {
			...lambdaEnv,
			REELSMITH_MAX_COST: '0',
		});
		expect(offline.code).toBe(2);
		expect(offline.stderr).toMatch(/REELSMITH_MAX_COST: this run would cost about \$0\.\d{4}/);
		expect(offline.stderr).toMatch(/^ {4}images +\$0 +nothing to pay for/m);
		expect(offline.stderr).toMatch(/^ {4}render +\$0\.\d{4} +1 video on AWS Lambda$/m);
		expect(await listTree(out)).toEqual([]);
	}, 60_000);
});
