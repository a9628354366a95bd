import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { ServiceError } from '../jobs/service-error';
import { videoOptionsSchema } from '../jobs/video-request';
import type { VideoService } from '../jobs/video-service';
import { jobView } from '../jobs/job-view';

const text = (value: unknown) => ({ content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }] });

/** A refused call is a tool error with the message and every problem, as the REST API's 4xx says it; not a protocol error. */
const answer = async (work: () => Promise<unknown> | unknown) => {
	try {
		return text(await work());
	} catch (error) {
		if (error instanceof ServiceError) return { ...text({ error: error.message, problems: error.problems }), isError: true };
		throw error;
	}
};

const id = z.string().regex(/^\d+$/).describe('The job id make_video returned.');
const sceneId = z.number().int().positive().describe("The scene's scene_id.");

/**
 * The MCP tools: the same VideoService as the REST API (one home for validation and job rules), each with a zod
 * input schema. Paths in answers are the REST API's URLs; the files themselves are under the output folder.
 */
export const createMcpServer = (service: VideoService, version: string): McpServer => {
	const server = new McpServer({ name: 'reelsmith', version });
	server.registerTool(
		'make_video',
		{
			description:
				'Start a short video from a finished script (seed JSON format), a topic (needs an LLM) or an article text. Returns the job; poll get_video for progress and the package paths.',
			inputSchema: {
				script: z
					.record(z.string(), z.unknown())
					.optional()
					.describe('A script: {title, duration_target, scenes: [{scene_id, narration, visual_description, duration, …}], …}'),
				topic: z.string().optional(),
				article: z.string().optional().describe('Markdown or plain text.'),
				options: videoOptionsSchema.optional(),
			},
		},
		async (args) => answer(async () => jobView(await service.create(Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined))))),
	);
	server.registerTool(
		'get_video',
		{ description: 'One job: state (queued, running:<stage>, done, failed, cancelled), progress, error, package files, and its scenes.', inputSchema: { id } },
		async (args) => answer(async () => ({ ...jobView(service.get(args.id)), scenes: await service.scenes(args.id) })),
	);
	server.registerTool('list_videos', { description: 'Every job, newest first.', inputSchema: {} }, async () => answer(() => service.list().map(jobView)));
	server.registerTool(
		'redo_scene',
		{
			description: "Make a new take of one scene's voice or image (the video is not rendered again until render_video).",
			inputSchema: { id, sceneId, asset: z.enum(['voice', 'image']) },
		},
		async (args) => answer(() => jobView(service.redoScene(args.id, String(args.sceneId), { asset: args.asset }))),
	);
	server.registerTool(
		'render_video',
		{ description: "Render the job's script again, reusing every cached voice and image: after redo_scene or an edit.", inputSchema: { id } },
		async (args) => answer(() => jobView(service.render(args.id))),
	);
	return server;
};
