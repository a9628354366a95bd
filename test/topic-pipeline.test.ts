import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { startFakeServer, type FakeServer, type RecordedRequest } from './helpers/fake-server';
import { quadrantImage } from './helpers/quadrant-image';
import { runScript } from './helpers/run-command';
import { toneWav } from './helpers/voice-audio';
import { makeTempDir } from './helpers/temp-dir';

const KEY = 'sk-test-SECRET-4f9a2c7e1b';
const SCRIPT = {
	title: '5个改变生活的AI工具',
	duration_target: 12,
	style: 'informative',
	scenes: [
		{
			scene_id: 1,
			narration: '你知道吗？这些AI工具能帮你省时间。',
			visual_description: 'A bright modern desk with a laptop showing AI tools, soft morning light, top view',
			duration: 6,
			text_overlay: 'AI工具',
			transition: 'fade_in',
		},
		{
			scene_id: 2,
			narration: '第一个工具，帮你自动写会议纪要。',
			visual_description: 'A meeting room with notes appearing on a large screen, cinematic lighting, wide shot',
			duration: 6,
			text_overlay: '会议纪要',
			transition: 'slide_left',
		},
	],
	music_style: 'light electronic',
	target_platform: 'douyin',
	language: 'zh-CN',
	style_prompt: 'flat illustration, teal and orange palette',
};

/** Speech lasts 180 ms per character, as a tone; the transcription gives each character that share of time. */
const speechMs = (text: string) => [...text].length * 180;

const transcribe = (request: RecordedRequest) => {
	const form = request.body.toString('utf8');
	const prompt = /name="prompt"\r\n\r\n([\s\S]*?)\r\n--/.exec(form)?.[1] ?? '';
	const chars = [...prompt].filter((c) => /[\p{L}\p{N}]/u.test(c));
	const step = speechMs(prompt) / 1000 / Math.max(1, chars.length);
	return {
		text: prompt,
		language: 'chinese',
		duration: speechMs(prompt) / 1000,
		words: chars.map((word, i) => ({ word, start: i * step, end: (i + 1) * step })),
	};
};

let fake: FakeServer;
let dir: string;
beforeAll(async () => {
	const image = (await quadrantImage(1024, 1536, 'jpeg')).toString('base64');
	fake = await startFakeServer({
		'POST /v1/chat/completions': (request) => ({
			body: {
				id: 'chatcmpl-1',
				object: 'chat.completion',
				created: 1,
				model: (request.json as { model: string }).model,
				choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: JSON.stringify(SCRIPT), refusal: null } }],
				usage: { prompt_tokens: 900, completion_tokens: 400, total_tokens: 1300 },
			},
		}),
		'POST /v1/audio/speech': (request) => ({
			headers: { 'content-type': 'audio/wav' },
			body: Buffer.from(toneWav(speechMs((request.json as { input: string }).input))),
		}),
		'POST /v1/audio/transcriptions': (request) => ({ body: transcribe(request) }),
		'POST /v1/images/generations': () => ({ body: { created: 1, data: [{ b64_json: image }] } }),
	});
	dir = await makeTempDir('reelsmith-topic-');
});
afterAll(async () => {
	await fake.close();
});

describe('npm run make --topic with OpenAI providers (against a local fake server)', () => {
	it('writes, voices, illustrates and renders, and never writes the API key anywhere', async () => {
		const out = path.join(dir, 'out');
		const env = { ...process.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${fake.url}/v1`, REELSMITH_LLM: '', REELSMITH_TTS: '', REELSMITH_IMAGES: '' };
		const args = [
			'--topic',
			'5个改变生活的AI工具',
			'--duration',
			'12',
			'--platform',
			'douyin',
			'--tts',
			'openai',
			'--images',
			'openai',
			'--draft',
			'--out',
			out,
		];
		const result = await runScript('scripts/make.ts', args, dir, env);
		expect(result.stderr).not.toContain('failed');
		expect(result.code).toBe(0);

		const chat = fake.requests.find((r) => r.path === '/v1/chat/completions')!.json as { model: string; response_format: { type: string } };
		expect(chat.response_format.type).toBe('json_schema');
		const speech = fake.requests.filter((r) => r.path === '/v1/audio/speech').map((r) => r.json as { model: string; input: string });
		expect(speech.map((s) => s.input).sort()).toEqual(SCRIPT.scenes.map((s) => s.narration).sort());
		expect(speech[0]!.model).toBe('gpt-4o-mini-tts');
		const imagePrompts = fake.requests.filter((r) => r.path === '/v1/images/generations').map((r) => r.json as { model: string; prompt: string });
		expect(imagePrompts).toHaveLength(2);
		for (const request of imagePrompts) {
			expect(request.model).toBe('gpt-image-1.5');
			expect(request.prompt).toContain(SCRIPT.style_prompt);
		}

		const videoDir = path.join(out, '5个改变生活的ai工具');
		const facts = await probeMedia(path.join(videoDir, 'douyin', 'video.mp4'));
		expect(facts.video).toMatchObject({ codec: 'avc', width: 540, height: 960 });
		expect(facts.audio).not.toBeNull();
		const summary = JSON.parse(await readFile(path.join(videoDir, 'summary.json'), 'utf8'));
		for (const scene of summary.scenes) {
			expect(scene.voice).toMatchObject({ provider: 'openai-tts', timing: 'aligned' });
			expect(scene.image).toMatchObject({ provider: 'openai-images', model: 'gpt-image-1.5' });
		}
		expect(summary.stages.script).toMatchObject({ generated: 1 });
		expect(summary.cost.video_usd).toBeGreaterThan(0);
		expect(summary.cost.unpriced).toEqual([]);

		// the key is in no output and no file the run wrote
		expect(result.stdout + result.stderr).not.toContain(KEY);
		const files = (await readdir(out, { recursive: true })).map((f) => path.join(out, f));
		for (const file of files.filter((f) => /\.(json|txt|srt|vtt|md)$/.test(f))) {
			expect(await readFile(file, 'utf8'), file).not.toContain(KEY);
		}
	}, 300_000);

	it('a failing provider exits 1 naming the scene and the provider, and the key stays hidden', async () => {
		const out = path.join(dir, 'out-fail');
		fake.queue(
			'POST /v1/images/generations',
			...Array.from({ length: 12 }, () => ({ status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } })),
		);
		const env = { ...process.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${fake.url}/v1`, REELSMITH_LLM: '', REELSMITH_TTS: '', REELSMITH_IMAGES: '' };
		const result = await runScript('scripts/make.ts', ['--topic', '另一个题目', '--tts', 'espeak', '--images', 'openai', '--draft', '--out', out], dir, env);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/storyboard of scene \d+ failed with openai-images \(gpt-image-1\.5\)/);
		expect(result.stdout + result.stderr).not.toContain(KEY);
	}, 120_000);
});
