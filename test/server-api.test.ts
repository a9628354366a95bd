import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../src/server/http/routes';
import { JobStore } from '../src/server/jobs/job-store';
import { ROOT, runScript } from './helpers/run-command';
import { startServer, type ServerProcess } from './helpers/server-process';
import { makeTempDir } from './helpers/temp-dir';
import { listTree } from './helpers/file-tree';

type JobView = {
	id: string;
	state: string;
	progress: { stage?: string; renderedFrames?: number };
	outputs: { platform: string; files: Record<string, string> }[];
	error: unknown;
};

describe('npm run serve: the REST API over HTTP on 127.0.0.1, with the offline providers', () => {
	let server: ServerProcess;
	let out: string;
	let script: Record<string, unknown>;
	const api = (route: string, init?: RequestInit) => fetch(`${server.url}${route}`, init);
	const post = (route: string, body: unknown) => api(route, { method: 'POST', body: JSON.stringify(body) });

	beforeAll(async () => {
		out = await makeTempDir('reelsmith-serve-');
		script = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8')) as Record<string, unknown>;
		server = await startServer(['--out', out]);
	}, 60_000);

	afterAll(async () => {
		await server?.stop();
	}, 30_000);

	it('refuses bad input with 400 and every problem by path, never a 500', async () => {
		const both = await post('/api/videos', { topic: 'x', article: 'y' });
		expect(both.status).toBe(400);
		const bad = await post('/api/videos', { script: { ...script, scenes: [{ scene_id: 1 }] }, options: { platforms: ['tiktok'], draft: 'yes' } });
		expect(bad.status).toBe(400);
		const paths = ((await bad.json()) as { problems: { path: string }[] }).problems.map((p) => p.path);
		expect(paths).toEqual(expect.arrayContaining(['options.platforms[0]', 'options.draft', 'script.scenes[0].narration']));
		const music = await post('/api/videos', { script, options: { music: 'no/such/bed.mp3' } });
		expect([music.status, ((await music.json()) as { problems: { path: string }[] }).problems.map((p) => p.path)]).toEqual([400, ['options.music']]);
		// the project's own bed, named as --music would name it, is accepted (a dry run: nothing is queued)
		expect((await post('/api/plans', { script, options: { music: 'public/music/ambient-bed.m4a' } })).status).toBe(200);
		const notJson = await api('/api/videos', { method: 'POST', body: '{ nope' });
		expect([notJson.status, ((await notJson.json()) as { error: string }).error]).toEqual([400, expect.stringMatching(/not JSON/)]);
		const topic = await post('/api/videos', { topic: 'AI tools' });
		expect(((await topic.json()) as { problems: { path: string; message: string }[] }).problems).toEqual([
			{ path: 'topic', message: expect.stringMatching(/needs an LLM/) },
		]);
		expect((await api('/api/videos/999')).status).toBe(404);
		expect((await api('/api/videos/abc/render', { method: 'POST' })).status).toBe(404);
		expect((await api('/api/videos', { method: 'DELETE' })).status).toBe(405);
	});

	it('serves an OpenAPI document with exactly the routes the server answers', async () => {
		const document = (await (await api('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
		const documented = Object.entries(document.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
		expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
		// each documented route is routed (a missing job, not a missing route), and its request schema is there
		for (const route of ROUTES.filter((r) => r.path.includes('{id}'))) {
			const response = await api(
				route.path
					.replace('{id}', '424242')
					.replace('{sceneId}', '1')
					.replace('{platform}', 'douyin')
					.replace('{name}', 'video.mp4')
					.replace('{path}', 'voice/x.wav'),
				{
					method: route.method,
					...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }),
				},
			);
			expect([route.path, response.status, ((await response.json()) as { error: string }).error]).toEqual([
				route.path,
				404,
				expect.stringMatching(/no video job "424242"/),
			]);
		}
		expect(document.paths['/api/videos']!.post).toMatchObject({ requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } });
	});

	it('makes the package from a bare script (curl -d @script.json), with SSE progress, a Range-served video, scenes, an edit, a new take and a render', async () => {
		const created = await post('/api/videos', { script, options: { draft: true } });
		expect(created.status).toBe(201);
		const job = (await created.json()) as JobView;
		// a second job, queued behind the first (one at a time), then cancelled before it starts
		const second = (await (await api('/api/videos', { method: 'POST', body: JSON.stringify({ ...script, title: 'Second in line' }) })).json()) as JobView;
		expect(second.state).toBe('queued');
		const cancelled = (await (await api(`/api/videos/${second.id}`, { method: 'DELETE' })).json()) as JobView;
		expect(cancelled.state).toBe('cancelled');

		const events = await api(`/api/videos/${job.id}/events`);
		expect(events.headers.get('content-type')).toMatch(/text\/event-stream/);
		const seen: JobView[] = [];
		const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		while (!seen.some((j) => j.state === 'done' || j.state === 'failed')) {
			const { value, done } = await reader.read();
			if (done) break;
			buffer += value;
			const parts = buffer.split('\n\n');
			buffer = parts.pop()!;
			for (const part of parts) {
				const data = /^data: (.*)$/m.exec(part)?.[1];
				if (data) seen.push(JSON.parse(data) as JobView);
			}
		}
		await reader.cancel();
		const last = seen.at(-1)!;
		expect(last.error).toBeNull();
		expect(last.state).toBe('done');
		expect(seen.map((j) => j.state)).toEqual(expect.arrayContaining(['running:voice', 'running:storyboard', 'running:render', 'running:package', 'done']));
		expect(seen.some((j) => (j.progress.renderedFrames ?? 0) > 0)).toBe(true);

		const video = last.outputs[0]!.files['video.mp4']!;
		const whole = await api(video);
		expect([whole.status, whole.headers.get('content-type')]).toEqual([200, 'video/mp4']);
		const size = Number(whole.headers.get('content-length'));
		await whole.arrayBuffer();
		const part = await api(video, { headers: { range: 'bytes=4-11' } });
		expect([part.status, part.headers.get('content-range'), new TextDecoder().decode(await part.arrayBuffer())]).toEqual([
			206,
			`bytes 4-11/${size}`,
			'ftypisom',
		]);
		expect((await api(video, { headers: { range: `bytes=${size}-` } })).status).toBe(416);
		for (const name of ['cover.jpg', 'captions.srt', 'captions.vtt', 'metadata.json']) expect((await api(last.outputs[0]!.files[name]!)).status).toBe(200);

		const scenes = (await (await api(`/api/videos/${job.id}/scenes`)).json()) as { sceneId: number; voice: string; image: string; narration: string }[];
		expect(scenes).toHaveLength(3);
		expect((await api(`/api/videos/${job.id}/assets/${scenes[1]!.voice}`)).headers.get('content-type')).toBe('audio/wav');
		expect((await api(`/api/videos/${job.id}/assets/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);

		const badEdit = await api(`/api/videos/${job.id}/scenes/2`, { method: 'PATCH', body: JSON.stringify({ motion: 'spin' }) });
		expect([badEdit.status, ((await badEdit.json()) as { problems: { path: string }[] }).problems[0]!.path]).toEqual([400, 'motion']);
		const edited = await api(`/api/videos/${job.id}/scenes/2`, {
			method: 'PATCH',
			body: JSON.stringify({ narration: 'A new line for scene two.', motion: 'zoom_out' }),
		});
		expect(((await edited.json()) as { narration: string }[])[1]!.narration).toBe('A new line for scene two.');

		const imageBefore = scenes[1]!.image;
		const redo = await post(`/api/videos/${job.id}/scenes/2/redo`, { asset: 'image' });
		expect(redo.status).toBe(202);
		// while it runs, the job cannot be changed
		expect((await api(`/api/videos/${job.id}/scenes/2`, { method: 'PATCH', body: JSON.stringify({ motion: 'pan_up' }) })).status).toBe(409);
		const until = async (state: string) => {
			for (let i = 0; i < 600; i++) {
				const now = (await (await api(`/api/videos/${job.id}`)).json()) as JobView;
				if (now.state === state || now.state === 'failed') return now;
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
			throw new Error(`job ${job.id} never reached ${state}`);
		};
		expect((await until('done')).error).toBeNull();
		const afterRedo = (await (await api(`/api/videos/${job.id}/scenes`)).json()) as { voice: string; image: string }[];
		expect(afterRedo[1]!.image).not.toBe(imageBefore);
		expect(afterRedo[1]!.voice).not.toBe(scenes[1]!.voice);
		expect(afterRedo[0]).toEqual(scenes[0]);
		expect((await post(`/api/videos/${job.id}/render`, {})).status).toBe(202);
		expect((await until('done')).error).toBeNull();
		const slug = 'render-test-three-scenes';
		const summary = JSON.parse(await readFile(path.join(out, slug, 'summary.json'), 'utf8')) as { stages: Record<string, { generated: number }> };
		// the new take's run voiced the edited narration and drew the new image: the render made nothing again
		expect(summary.stages.voice!.generated).toBe(0);
		expect(summary.stages.storyboard!.generated).toBe(0);
		const props = JSON.parse(await readFile(path.join(out, slug, 'bilibili', 'props.json'), 'utf8')) as { scenes: { narration: string; motion: string }[] };
		expect(props.scenes[1]).toMatchObject({ narration: 'A new line for scene two.', motion: 'zoom_out' });
		const list = (await (await api('/api/videos')).json()) as JobView[];
		expect(list.map((j) => [j.id, j.state])).toEqual([
			[second.id, 'cancelled'],
			[job.id, 'done'],
		]);
	}, 300_000);

	it('applies maxCost per job: a job over it fails with the estimate before any paid call, and nothing is made', async () => {
		const dir = await makeTempDir('reelsmith-serve-budget-');
		// a paid voice whose server does not exist: the budget must refuse before it is ever called
		const paid = await startServer(['--out', dir], { ...process.env, OPENAI_API_KEY: 'sk-test-budget', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
		try {
			const created = await fetch(`${paid.url}/api/videos`, { method: 'POST', body: JSON.stringify({ script, options: { tts: 'openai', maxCost: 0.00001 } }) });
			expect(created.status).toBe(201);
			const { id } = (await created.json()) as JobView;
			let job: JobView & { error: { message: string; problems: { path: string; message: string }[] } | null };
			do {
				await new Promise((resolve) => setTimeout(resolve, 250));
				job = (await (await fetch(`${paid.url}/api/videos/${id}`)).json()) as typeof job;
			} while (job.state !== 'failed' && job.state !== 'done');
			expect(job.state).toBe('failed');
			expect(job.error!.problems).toEqual([{ path: '--max-cost', message: expect.stringMatching(/\$/) }]);
			expect(paid.output()).not.toMatch(/127\.0\.0\.1:9/);
			expect(await listTree(path.join(dir, '.cache')).catch(() => [])).toEqual([]);
		} finally {
			await paid.stop();
		}
	}, 60_000);

	it('refuses, with 409, to cancel a job another process on the same store is running', async () => {
		const dir = await makeTempDir('reelsmith-serve-shared-');
		// this test process claims a job as a second runner (an MCP server) would
		const store = new JobStore(path.join(dir, '.server', 'jobs.sqlite'));
		store.create({ kind: 'topic', topic: 'elsewhere' }, { platforms: [], providers: {}, draft: true }, 'make');
		expect(store.claim()).toMatchObject({ id: '1', state: 'running:starting', runnerPid: process.pid });
		store.close();
		const shared = await startServer(['--out', dir]);
		try {
			const refused = await fetch(`${shared.url}/api/videos/1`, { method: 'DELETE' });
			expect([refused.status, ((await refused.json()) as { error: string }).error]).toEqual([
				409,
				expect.stringMatching(new RegExp(`running in another process .*pid ${process.pid}`)),
			]);
			// and the server left it to its runner: not queued again, not run twice
			expect(((await (await fetch(`${shared.url}/api/videos/1`)).json()) as JobView).state).toBe('running:starting');
		} finally {
			await shared.stop();
		}
	}, 60_000);

	it('will not listen beyond loopback without a token, and with one it requires it', async () => {
		const open = await runScript('scripts/serve.ts', ['--host', '0.0.0.0', '--out', out, '--port', '0'], ROOT, { ...process.env, REELSMITH_API_TOKEN: '' });
		expect(open.code).toBe(2);
		expect(open.stderr).toMatch(/--host: 0.0.0.0 is reachable from other machines; set REELSMITH_API_TOKEN/);
		const guarded = await startServer(['--out', await makeTempDir('reelsmith-serve-token-')], { ...process.env, REELSMITH_API_TOKEN: 'sesame' });
		try {
			expect((await fetch(`${guarded.url}/api/videos`)).status).toBe(401);
			expect((await fetch(`${guarded.url}/api/videos`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
			expect((await fetch(`${guarded.url}/api/videos`, { headers: { authorization: 'Bearer sesame' } })).status).toBe(200);
			// a browser signs in once and sends the cookie (media elements and EventSource cannot send a header)
			const signIn = (token: string) => fetch(`${guarded.url}/api/session`, { method: 'POST', body: JSON.stringify({ token }) });
			expect((await signIn('nope')).status).toBe(401);
			const signedIn = await signIn('sesame');
			expect(signedIn.status).toBe(204);
			const cookie = signedIn.headers.get('set-cookie')!;
			expect(cookie).toMatch(/^reelsmith_token=sesame; HttpOnly; SameSite=Strict; Path=\/$/);
			expect((await fetch(`${guarded.url}/api/videos`, { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
			expect((await fetch(`${guarded.url}/api/videos`, { headers: { cookie: 'reelsmith_token=nope' } })).status).toBe(401);
		} finally {
			await guarded.stop();
		}
	}, 60_000);
});
