import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAIScriptWriter, type OpenAIScriptWriterOptions } from '../src/providers/script/openai/openai-script-writer';
import { isReasoningModel } from '../src/providers/script/openai/reasoning-model';
import { checkScriptQuality } from '../src/providers/script/openai/script-quality';
import { createOpenAIClient } from '../src/providers/openai/openai-client';
import type { ScriptRequest } from '../src/providers/script/script-provider';
import { videoScriptSchema } from '../src/schema/video-script';
import { MUSIC_MOOD_NAMES } from '../src/pipeline/audio/music-moods';
import { startFakeServer, type FakeReply, type FakeServer, type RecordedRequest } from './helpers/fake-server';
import { runScript, type CommandResult } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

const KEY = 'sk-test-secret';
const ROUTE = 'POST /v1/chat/completions';

type Message = { role: string; content: string };
type ChatBody = {
	model: string;
	temperature?: number;
	messages: Message[];
	response_format: { type: string; json_schema?: { name: string; strict: boolean; schema: Record<string, unknown> } };
};

const bodyOf = (request: RecordedRequest) => request.json as ChatBody;

/** A script as the model answers it, 60 s in seven scenes unless told otherwise. */
const llmScript = (sceneSeconds: readonly number[] = [8, 8, 8, 8, 8, 10, 10], extra: Record<string, unknown> = {}) => ({
	title: '5个改变生活的AI工具',
	duration_target: 60,
	style: 'informative',
	scenes: sceneSeconds.map((duration, i) => ({
		scene_id: i + 1,
		narration: i === 0 ? '你还在手动处理重复的工作吗？今天介绍五个AI工具，让效率翻倍。' : `第${i}个工具，帮你把重复的工作交给AI。`,
		visual_description: 'Modern office desk with a laptop, a coffee cup and scattered papers; the camera slowly pushes in, warm morning light.',
		duration,
		text_overlay: i === 0 ? '5个AI工具' : `工具 ${i}`,
		transition: i === 0 ? 'fade_in' : 'slide_left',
	})),
	music_style: 'upbeat electronic, 120 BPM',
	target_platform: 'douyin',
	language: 'zh-CN',
	style_prompt: 'cinematic photo, warm earth tones, 35mm film grain',
	...extra,
});

const completion = (content: string, finishReason = 'stop'): FakeReply => ({
	body: {
		id: 'chatcmpl-test',
		object: 'chat.completion',
		created: 1,
		model: 'gpt-4o-mini',
		choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finishReason, logprobs: null }],
		usage: { prompt_tokens: 100, completion_tokens: 400, total_tokens: 500 },
	},
});

const topic = (text = '5个改变生活的AI工具', extra: Partial<ScriptRequest> = {}): ScriptRequest => ({
	source: { kind: 'topic', topic: text },
	platform: 'douyin',
	durationSeconds: 60,
	...extra,
});

/** As api.openai.com answers a reasoning model (o-series, GPT-5) that is sent a temperature. */
const UNSUPPORTED_TEMPERATURE: FakeReply = {
	status: 400,
	body: {
		error: {
			message: "Unsupported parameter: 'temperature' is not supported with this model.",
			type: 'invalid_request_error',
			param: 'temperature',
			code: 'unsupported_parameter',
		},
	},
};

/** The chat route of the fake: refuses what the real API refuses, and answers a script otherwise. */
const chatRoute = (request: RecordedRequest): FakeReply => {
	const body = bodyOf(request);
	if (/^(o[1-9](?![0-9a-z])|gpt-5(?![0-9]))/.test(body.model) && body.temperature !== undefined) return UNSUPPORTED_TEMPERATURE;
	return completion(JSON.stringify(llmScript()));
};

let fake: FakeServer;
let delays: number[];

beforeEach(async () => {
	fake = await startFakeServer({ [ROUTE]: chatRoute });
	delays = [];
});
afterEach(async () => {
	await fake.close();
});

const writer = (options: Partial<OpenAIScriptWriterOptions> = {}) =>
	createOpenAIScriptWriter({
		connection: { apiKey: KEY, baseURL: `${fake.url}/v1` },
		retry: { baseDelayMs: 1, maxDelayMs: 5, sleep: async (ms) => void delays.push(ms) },
		...options,
	});

const systemOf = (body: ChatBody) => body.messages.find((m) => m.role === 'system')!.content;

describe('openai script writer', () => {
	it('asks for the script with structured outputs and returns a validated VideoScript', async () => {
		const provider = writer();
		expect(provider.name).toBe('openai-chat');
		expect(provider.model).toBe('gpt-4o-mini');
		const { script, notes } = await provider.write(topic('5个改变生活的AI工具', { style: 'story' }));

		expect(fake.requests).toHaveLength(1);
		const request = fake.requests[0]!;
		expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
		const body = bodyOf(request);
		expect(body.model).toBe('gpt-4o-mini');
		expect(body.temperature).toBe(0.7);
		expect(body.response_format.type).toBe('json_schema');
		expect(body.response_format.json_schema?.name).toBe('video_script');
		expect(body.response_format.json_schema?.strict).toBe(true);
		const schema = JSON.stringify(body.response_format.json_schema?.schema);
		expect(schema).toContain('"visual_description"');
		expect(schema).toContain('"enum":["fade_in","fade","slide_left","slide_right","dissolve","wipe_right","zoom_in","cut"]');
		expect(schema).not.toMatch(/minLength|maxLength/);

		const system = systemOf(body);
		expect(system).toMatch(/first 3 seconds/);
		expect(system).toMatch(/5 to 12 seconds/);
		expect(system).toMatch(/at least 30 characters/);
		expect(system).toMatch(/text_overlay: the key point/);
		expect(system).toMatch(/style_prompt: one visual style shared by every image/);
		expect(system).toMatch(/a Chinese topic gets Chinese narration/);
		// the moods the prompt offers are the beds we have
		expect(system).toContain(`one of ${MUSIC_MOOD_NAMES.slice(0, -1).join(', ')} or ${MUSIC_MOOD_NAMES.at(-1)}`);
		const user = body.messages
			.filter((m) => m.role === 'user')
			.map((m) => m.content)
			.join('\n');
		expect(user).toContain('Topic: 5个改变生活的AI工具');
		expect(user).toContain('Target duration: 60 seconds');
		expect(user).toContain('Style: story');
		expect(user).toMatch(/Platform: douyin, vertical 9:16/);
		expect(user).toMatch(/Script language: Chinese.*\(zh-CN\)/);

		expect(videoScriptSchema.parse(script)).toEqual(script);
		expect(script.scenes.map((s) => s.scene_id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(script.style).toBe('story');
		expect(script.language).toBe('zh-CN');
		expect(script.style_prompt).toBe('cinematic photo, warm earth tones, 35mm film grain');
		expect(script.target_platform).toBe('douyin');
		expect(notes).toEqual([]);
	});

	it('passes the model and temperature it was given, and describes English topics in English', async () => {
		fake.queue(ROUTE, completion(JSON.stringify(llmScript(undefined, { language: 'en', target_platform: 'douyin' }))));
		await writer({ model: 'deepseek-chat', temperature: 0.2 }).write(topic('Five AI tools that change your day', { platform: 'youtube', durationSeconds: 45 }));
		const body = bodyOf(fake.requests[0]!);
		expect(body.model).toBe('deepseek-chat');
		expect(body.temperature).toBe(0.2);
		const user = body.messages[1]!.content;
		expect(user).toContain('Target duration: 45 seconds');
		expect(user).toMatch(/Platform: youtube, horizontal 16:9/);
		expect(user).toContain('Script language: English (en)');
	});

	it('the fake, like the real API, refuses a temperature for a reasoning model with a 400', async () => {
		const client = createOpenAIClient({ apiKey: KEY, baseURL: `${fake.url}/v1` });
		const failure = await client.chat.completions
			.create({ model: 'o3-mini', temperature: 0, messages: [{ role: 'user', content: 'hi' }] })
			.catch((error: unknown) => error);
		expect(failure).toMatchObject({ status: 400, code: 'unsupported_parameter', param: 'temperature', type: 'invalid_request_error' });
		expect((failure as Error).message).toContain("Unsupported parameter: 'temperature' is not supported with this model.");
	});

	it('sends no temperature to a reasoning model', async () => {
		const provider = writer({ model: 'o4-mini' });
		expect(provider.model).toBe('o4-mini');
		const { script, notes } = await provider.write(topic());
		expect(fake.requests).toHaveLength(1);
		const body = bodyOf(fake.requests[0]!);
		expect(body.model).toBe('o4-mini');
		expect(body).not.toHaveProperty('temperature');
		expect(body.response_format.type).toBe('json_schema');
		expect(script.scenes).toHaveLength(7);
		expect(notes).toEqual([]);
	});

	it('ignores an explicit temperature for a reasoning model, with a warning', async () => {
		const { notes } = await writer({ model: 'gpt-5-mini', temperature: 0.2 }).write(topic());
		expect(fake.requests).toHaveLength(1);
		expect(bodyOf(fake.requests[0]!)).not.toHaveProperty('temperature');
		expect(notes).toEqual(['warning: gpt-5-mini is a reasoning model and takes no temperature; the temperature 0.2 given was ignored']);
	});

	it('tells reasoning models by name', () => {
		for (const model of ['o1', 'o1-mini', 'o3', 'o3-mini', 'o3-2025-04-16', 'o4-mini', 'gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-5.1', 'openai/o3']) {
			expect(isReasoningModel(model), model).toBe(true);
		}
		for (const model of ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'deepseek-chat', 'qwen-plus', 'omni-moderation-latest', 'test-model']) {
			expect(isReasoningModel(model), model).toBe(false);
		}
	});

	it('rewrites an article, keeping the article in the request as material', async () => {
		const article = '# 冷萃咖啡\n\n冷萃咖啡用冷水慢慢萃取十二个小时。它的酸度更低，口感更顺滑。';
		const { script } = await writer().write({ source: { kind: 'article', text: article, name: 'cold-brew.md' }, platform: 'bilibili' });
		const user = bodyOf(fake.requests[0]!).messages[1]!.content;
		expect(user).toMatch(/^Rewrite the article below as a short-video script/);
		expect(user).toContain('冷萃咖啡用冷水慢慢萃取十二个小时');
		expect(user).toContain('Target duration: not given');
		expect(script.target_platform).toBe('bilibili');
	});

	it('waits as a 429 asks (Retry-After: 0) and tries again', async () => {
		fake.queue(ROUTE, { status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'Rate limit reached', type: 'requests' } } });
		const { script } = await writer().write(topic());
		expect(fake.requests).toHaveLength(2);
		expect(delays).toEqual([0]);
		expect(script.scenes).toHaveLength(7);
	});

	it('backs off after a 500 and tries again', async () => {
		fake.queue(ROUTE, { status: 500, body: { error: { message: 'The server had an error' } } });
		await writer().write(topic());
		expect(fake.requests).toHaveLength(2);
		expect(delays).toEqual([1]);
	});

	it('tries again after a timeout', async () => {
		fake.queue(ROUTE, { hang: true });
		const { script } = await writer({ connection: { apiKey: KEY, baseURL: `${fake.url}/v1`, timeoutMs: 200 } }).write(topic());
		expect(fake.requests).toHaveLength(2);
		expect(script.title).toBe('5个改变生活的AI工具');
	});

	it('says clearly when the server keeps failing', async () => {
		const provider = writer({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} } });
		fake.queue(ROUTE, ...Array.from({ length: 3 }, () => ({ status: 503, body: { error: { message: 'overloaded' } } })));
		await expect(provider.write(topic())).rejects.toThrow(/127\.0\.0\.1:\d+ answered HTTP 503 \(3 tries\): overloaded; the server is having trouble/);
	});

	it('sends an answer that is not JSON back once with its problem, and uses the corrected one', async () => {
		const bad = 'Sure! Here is your script: {"title": "5个AI工具", "scenes": [';
		fake.queue(ROUTE, completion(bad));
		const { script, notes } = await writer().write(topic());
		expect(fake.requests).toHaveLength(2);
		const repair = bodyOf(fake.requests[1]!).messages;
		expect(repair.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
		expect(repair[2]!.content).toBe(bad);
		expect(repair[3]!.content).toMatch(/^Your previous answer cannot be used:\n- line 1, column \d+: invalid JSON/);
		expect(repair[3]!.content).toMatch(/complete corrected script as one JSON object/);
		expect(script.scenes).toHaveLength(7);
		expect(notes).toEqual(['the first answer of gpt-4o-mini was not a valid script; it corrected it when asked']);
	});

	it('lists schema problems by path in the repair request', async () => {
		const broken = llmScript();
		(broken.scenes[1] as Record<string, unknown>).transition = 'spin';
		fake.queue(ROUTE, completion(JSON.stringify(broken)));
		await writer().write(topic());
		const repair = bodyOf(fake.requests[1]!).messages[3]!.content;
		expect(repair).toContain('- scenes[1].transition: unknown transition "spin"; use one of: fade_in, fade, slide_left');
	});

	it('fails with what came back and what was wrong when the answer is invalid twice', async () => {
		fake.queue(ROUTE, completion('I cannot write JSON today.'), completion('Still no JSON, sorry.'));
		const failure = await writer()
			.write(topic())
			.then(
				() => null,
				(error: Error) => error,
			);
		expect(fake.requests).toHaveLength(2);
		expect(failure).toBeInstanceOf(Error);
		expect(failure!.message).toMatch(/^gpt-4o-mini did not write a valid script, even after being asked to correct it\./);
		expect(failure!.message).toContain('Its last answer began:\nStill no JSON, sorry.');
		expect(failure!.message).toMatch(/Problems with it:\n {2}- line 1, column 1: invalid JSON/);
		expect(failure!.message).not.toMatch(/\n\s+at /);
	});

	it('cuts a long invalid answer to its first 500 characters in the failure', async () => {
		const long = `{"title": "${'很长'.repeat(400)}`;
		fake.queue(ROUTE, completion(long, 'length'), completion(long, 'length'));
		const failure = (await writer()
			.write(topic())
			.catch((error: Error) => error)) as Error;
		const shown = /Its last answer began:\n(.*)\n/.exec(failure.message)![1]!;
		expect([...shown].length).toBe(500 + 2);
		expect(failure.message).toContain('the answer was cut off at the length limit');
	});

	it('falls back to json_object with the schema in the prompt when the server rejects json_schema, and remembers it', async () => {
		fake.queue(ROUTE, {
			status: 400,
			body: {
				error: { message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", type: 'invalid_request_error' },
			},
		});
		const provider = writer({ model: 'qwen-plus' });
		const { script, notes } = await provider.write(topic());
		expect(fake.requests.map((r) => bodyOf(r).response_format.type)).toEqual(['json_schema', 'json_object']);
		const system = systemOf(bodyOf(fake.requests[1]!));
		expect(system).toMatch(/first 3 seconds/);
		expect(system).toMatch(/It must follow this JSON Schema:\n\{/);
		expect(system).toContain('"style_prompt"');
		expect(script.scenes).toHaveLength(7);
		expect(notes).toEqual([expect.stringMatching(/does not take json_schema response formats; .*json_object/)]);

		await provider.write(topic());
		expect(fake.requests.map((r) => bodyOf(r).response_format.type)).toEqual(['json_schema', 'json_object', 'json_object']);
	});

	it('takes JSON wrapped in a Markdown fence from json_object servers without a repair round', async () => {
		fake.queue(ROUTE, completion(`\`\`\`json\n${JSON.stringify(llmScript())}\n\`\`\``));
		const { script } = await writer({ responseFormat: 'json_object' }).write(topic());
		expect(fake.requests).toHaveLength(1);
		expect(bodyOf(fake.requests[0]!).response_format).toEqual({ type: 'json_object' });
		expect(script.scenes).toHaveLength(7);
	});

	it('does not fall back when json_schema was asked for explicitly', async () => {
		fake.queue(ROUTE, { status: 400, body: { error: { message: 'response_format json_schema is not supported' } } });
		await expect(writer({ responseFormat: 'json_schema' }).write(topic())).rejects.toThrow(
			/answered HTTP 400 \(1 try\): response_format json_schema is not supported; the server refused the request/,
		);
		expect(fake.requests).toHaveLength(1);
	});

	it('turns quality problems into warnings, or into an error when strict', async () => {
		const long = JSON.stringify(llmScript([10, 10, 10, 10, 10, 10, 10, 10, 10]));
		fake.queue(ROUTE, completion(long));
		const { notes } = await writer().write(topic());
		expect(notes).toEqual(['warning: the scenes add up to 90 s, 30 s over the 60 s target (±5 s allowed); shorten or drop scenes']);

		fake.queue(ROUTE, completion(long));
		await expect(writer({ strict: true }).write(topic())).rejects.toThrow(
			/falls short of the quality rules:\n {2}- the scenes add up to 90 s, 30 s over the 60 s target/,
		);
	});

	it('never shows the API key, even when the server echoes it', async () => {
		fake.queue(ROUTE, {
			status: 401,
			body: { error: { message: `Incorrect API key provided: ${KEY}.`, type: 'invalid_request_error', code: 'invalid_api_key' } },
		});
		const failure = (await writer()
			.write(topic())
			.catch((error: Error) => error)) as Error;
		expect(failure.message).toMatch(/answered HTTP 401 \(1 try\): Incorrect API key provided: \*\*\*\.; check OPENAI_API_KEY/);
		expect(failure.message).not.toContain(KEY);
		expect(String(failure.stack)).not.toContain(KEY);
	});
});

describe('checkScriptQuality', () => {
	const script = (sceneSeconds: readonly number[], patch: (s: ReturnType<typeof llmScript>) => void = () => {}) => {
		const raw = llmScript(sceneSeconds);
		patch(raw);
		return videoScriptSchema.parse(raw);
	};

	it('passes a script that keeps the rules', () => {
		expect(checkScriptQuality(script([8, 8, 8, 8, 8, 10, 10]))).toEqual([]);
		expect(checkScriptQuality(script([8, 8, 8, 8, 8, 10, 10]), 64)).toEqual([]);
	});

	it('flags a total off the target, short image prompts, scenes outside 5–12 s and a slow hook', () => {
		const issues = checkScriptQuality(
			script([4, 8, 14, 8], (s) => {
				s.scenes[0]!.narration = '今天我们要从头到尾非常详细地聊一聊人工智能工具在日常办公里面的各种用法和注意事项。';
				s.scenes[1]!.visual_description = '办公桌上的笔记本电脑';
				// 30 code points exactly, emoji counted once
				s.scenes[2]!.visual_description = `${'🌅'.repeat(10)}${'a'.repeat(20)}`;
			}),
		);
		expect(issues.map((i) => [i.rule, i.path])).toEqual([
			['duration', 'scenes'],
			['hook', 'scenes[0].narration'],
			['scene_duration', 'scenes[0].duration'],
			['visual_description', 'scenes[1].visual_description'],
			['scene_duration', 'scenes[2].duration'],
		]);
		expect(issues[0]!.message).toBe('the scenes add up to 34 s, 26 s under the 60 s target (±5 s allowed); lengthen or add scenes');
		expect(issues[1]!.message).toMatch(/^scene 1: the opening sentence takes about \d+(\.\d)? s to say; open with a hook of about 3 s/);
		expect(issues[3]!.message).toBe(
			'scene 2: visual_description has 10 characters; describe the image in at least 30 (subject, setting, composition, lighting)',
		);
	});

	it('times an English hook by its words', () => {
		const english = script([8, 8, 8, 8, 8, 10, 10], (s) => {
			s.language = 'en';
			s.scenes[0]!.narration = 'Still doing boring work by hand? Here are five tools that fix it.';
		});
		expect(checkScriptQuality(english)).toEqual([]);
	});
});

/** The CLI as a person runs it, from an empty folder (no .env) and with only the OpenAI variables we give it. */
const runScriptCli = async (args: readonly string[], env: Record<string, string>): Promise<CommandResult> => {
	const cwd = await makeTempDir('reelsmith-script-cli-');
	const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OPENAI_')));
	return runScript('scripts/script.ts', args, cwd, { ...base, ...env });
};

// each run starts tsx, which takes seconds on a slow machine
describe('npm run script', { timeout: 60_000 }, () => {
	it('prints only the script JSON on stdout, notes on stderr', async () => {
		fake.queue(ROUTE, { status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'slow down' } } });
		fake.queue(ROUTE, completion(JSON.stringify(llmScript([10, 10, 10, 10, 10, 10, 10, 10, 10]))));
		const run = await runScriptCli(['--topic', '5个改变生活的AI工具', '--duration', '60', '--model', 'test-model', '--temperature', '0.3'], {
			OPENAI_API_KEY: KEY,
			OPENAI_BASE_URL: `${fake.url}/v1`,
		});
		expect(run.stderr).toContain('script: HTTP 429; trying again in 0.0 s (try 2)');
		expect(run.stderr).toContain('script: warning: the scenes add up to 90 s');
		expect(run.code).toBe(0);
		const script = videoScriptSchema.parse(JSON.parse(run.stdout));
		expect(script.title).toBe('5个改变生活的AI工具');
		expect(bodyOf(fake.requests[1]!).model).toBe('test-model');
		expect(bodyOf(fake.requests[1]!).temperature).toBe(0.3);
		expect(run.stdout + run.stderr).not.toContain(KEY);
	});

	it('warns on stderr that --temperature is ignored for a reasoning model', async () => {
		const run = await runScriptCli(['--topic', '5个改变生活的AI工具', '--model', 'o3', '--temperature', '0.3'], {
			OPENAI_API_KEY: KEY,
			OPENAI_BASE_URL: `${fake.url}/v1`,
		});
		expect(run.code).toBe(0);
		expect(run.stderr).toContain('script: warning: o3 is a reasoning model and takes no temperature; the temperature 0.3 given was ignored');
		expect(fake.requests).toHaveLength(1);
		expect(bodyOf(fake.requests[0]!)).not.toHaveProperty('temperature');
	});

	it('rewrites an article given with --from', async () => {
		const dir = await makeTempDir('reelsmith-script-from-');
		const file = path.join(dir, 'article.md');
		await writeFile(file, '# Cold brew\n\nCold brew steeps for twelve hours in cold water.\n');
		const run = await runScriptCli(['--from', file, '--platform', 'youtube'], { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${fake.url}/v1` });
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout).target_platform).toBe('youtube');
		expect(bodyOf(fake.requests[0]!).messages[1]!.content).toContain('Cold brew steeps for twelve hours');
	});

	it('exits 2 and says how to configure a key when there is none', async () => {
		const run = await runScriptCli(['--topic', 'AI 工具'], {});
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/OPENAI_API_KEY: writing a script needs an LLM: set OPENAI_API_KEY/);
		expect(run.stderr).toMatch(/Ollama +OPENAI_BASE_URL=http:\/\/localhost:11434\/v1/);
		expect(fake.requests).toHaveLength(0);
	});

	it('fails with exit 1 and no key in its output when the server rejects the key', async () => {
		fake.queue(ROUTE, { status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}.` } } });
		const run = await runScriptCli(['--topic', 'AI 工具'], { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${fake.url}/v1` });
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/script failed: asking gpt-4o-mini for the script: .*HTTP 401.*check OPENAI_API_KEY/);
		expect(run.stderr).not.toContain(KEY);
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});

	it.each<[string, string[], RegExp]>([
		['both --topic and --from', ['--topic', 'x', '--from', 'a.md'], /give exactly one of --topic/],
		['a bad --temperature', ['--topic', 'x', '--temperature', 'hot'], /--temperature: "hot" is not a number from 0 to 2/],
	])('rejects %s with exit 2', async (_name, args, message) => {
		const run = await runScriptCli(args, { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${fake.url}/v1` });
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(message);
		expect(fake.requests).toHaveLength(0);
	});
});
