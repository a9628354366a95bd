import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

type ToolResult = { content: { type: string; text: string }[]; isError?: boolean };
const parsed = (result: unknown) => JSON.parse((result as ToolResult).content[0]!.text) as Record<string, unknown>;

describe('npm run mcp: the tools over stdio, with the SDK’s own client', () => {
	let client: Client;
	let transport: StdioClientTransport;
	let out: string;

	beforeAll(async () => {
		out = await makeTempDir('reelsmith-mcp-');
		transport = new StdioClientTransport({
			command: path.join(ROOT, 'node_modules/.bin/tsx'),
			args: [path.join(ROOT, 'scripts/mcp.ts'), '--out', out],
			cwd: ROOT,
			env: Object.fromEntries(Object.entries({ ...process.env, FORCE_COLOR: '0' }).filter((e): e is [string, string] => e[1] !== undefined)),
			stderr: 'pipe',
		});
		client = new Client({ name: 'reelsmith-test', version: '1' });
		await client.connect(transport);
	}, 60_000);

	afterAll(async () => {
		await client?.close();
	}, 30_000);

	it('lists the five tools, each with an input schema', async () => {
		const { tools } = await client.listTools();
		expect(tools.map((t) => t.name).sort()).toEqual(['get_video', 'list_videos', 'make_video', 'redo_scene', 'render_video']);
		for (const tool of tools) expect(tool.inputSchema.type).toBe('object');
		const make = tools.find((t) => t.name === 'make_video')!;
		expect(Object.keys(make.inputSchema.properties ?? {})).toEqual(['script', 'topic', 'article', 'options']);
		expect(tools.find((t) => t.name === 'redo_scene')!.inputSchema.required).toEqual(['id', 'sceneId', 'asset']);
	});

	it('refuses bad input as a tool error with every problem by path', async () => {
		const both = (await client.callTool({ name: 'make_video', arguments: { topic: 'x', article: 'y' } })) as ToolResult;
		expect(both.isError).toBe(true);
		const broken = (await client.callTool({ name: 'make_video', arguments: { script: { title: 'x', scenes: [{ scene_id: 1 }] } } })) as ToolResult;
		expect(broken.isError).toBe(true);
		expect((parsed(broken).problems as { path: string }[]).map((p) => p.path)).toEqual(
			expect.arrayContaining(['script.duration_target', 'script.scenes[0].narration']),
		);
		const missing = (await client.callTool({ name: 'get_video', arguments: { id: '99' } })) as ToolResult;
		expect([missing.isError, parsed(missing).error]).toEqual([true, expect.stringMatching(/no video job "99"/)]);
		// the SDK checks the zod input schema before the tool runs
		const wrongAsset = (await client.callTool({ name: 'redo_scene', arguments: { id: '1', sceneId: 1, asset: 'music' } })) as ToolResult;
		expect(wrongAsset.isError).toBe(true);
	});

	it('makes a video from a script, reports it, takes a new voice and renders again', async () => {
		const script = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures/three-scenes.json'), 'utf8')) as Record<string, unknown>;
		const made = parsed(await client.callTool({ name: 'make_video', arguments: { script, options: { draft: true } } }));
		const id = made.id as string;
		const until = async () => {
			for (let i = 0; i < 600; i++) {
				const job = parsed(await client.callTool({ name: 'get_video', arguments: { id } }));
				if (job.state === 'done' || job.state === 'failed' || job.state === 'cancelled') return job;
				await new Promise((resolve) => setTimeout(resolve, 300));
			}
			throw new Error(`job ${id} did not finish`);
		};
		const done = await until();
		expect([done.state, done.error]).toEqual(['done', null]);
		expect(done.outputs).toEqual([{ platform: 'bilibili', files: expect.objectContaining({ 'video.mp4': `/api/videos/${id}/files/bilibili/video.mp4` }) }]);
		const scenes = done.scenes as { sceneId: number; voice: string }[];
		expect(scenes.map((s) => s.sceneId)).toEqual([1, 2, 3]);
		const listed = JSON.parse(((await client.callTool({ name: 'list_videos', arguments: {} })) as ToolResult).content[0]!.text) as { id: string }[];
		expect(listed.map((j) => j.id)).toEqual([id]);

		expect(parsed(await client.callTool({ name: 'redo_scene', arguments: { id, sceneId: 2, asset: 'voice' } })).action).toBe('prepare');
		const redone = await until();
		expect((redone.scenes as { voice: string }[])[1]!.voice).not.toBe(scenes[1]!.voice);
		expect(parsed(await client.callTool({ name: 'render_video', arguments: { id } })).action).toBe('render');
		expect((await until()).state).toBe('done');
		const summary = JSON.parse(await readFile(path.join(out, 'render-test-three-scenes', 'summary.json'), 'utf8')) as {
			stages: Record<string, { generated: number; cached: number }>;
		};
		expect(summary.stages.voice).toMatchObject({ generated: 0, cached: 3 });
		expect(summary.stages.render).toMatchObject({ generated: 1 });
	}, 300_000);
});
