import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { outputPaths } from '../../output/output-paths';
import { PLATFORM_NAMES, type PlatformName } from '../../schema/platforms';
import type { JobQueue } from '../jobs/job-queue';
import type { Job } from '../jobs/job-store';
import { jobView, PACKAGE_FILES, PLATFORM_KEYS } from '../jobs/job-view';
import { ServiceError } from '../jobs/service-error';
import { createVideoRequestSchema, redoRequestSchema, sceneEditSchema } from '../jobs/video-request';
import type { VideoService } from '../jobs/video-service';
import { sendFile } from './send-file';
import { sameToken, sessionCookie } from './session-cookie';

export type RouteContext = {
	readonly req: IncomingMessage;
	readonly res: ServerResponse;
	readonly params: Readonly<Record<string, string>>;
	readonly body: () => Promise<unknown>;
	readonly service: VideoService;
	readonly queue: JobQueue;
	/** REELSMITH_API_TOKEN, when the server has one. */
	readonly token: string | undefined;
};

/** A handler answers JSON (status and body) or has answered itself (files, events): null. */
export type Handler = (context: RouteContext) => Promise<{ status: number; body: unknown } | null>;

export type Route = {
	readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
	/** OpenAPI style: /api/videos/{id}. */
	readonly path: string;
	readonly summary: string;
	readonly request?: z.ZodType;
	/** Status codes it answers, besides 400/401/404/500 that every route may. */
	readonly responses: Readonly<Record<number, string>>;
	readonly handler: Handler;
	/** Answered without the token (signing in). */
	readonly public?: boolean;
};

const json = (status: number, body: unknown) => ({ status, body });

const serveEvents: Handler = async ({ req, res, params, service, queue }) => {
	const job = service.get(params.id!);
	res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
	const send = (event: Job) => res.write(`event: job\ndata: ${JSON.stringify(jobView(event))}\n\n`);
	send(job);
	const onJob = (changed: Job) => {
		if (changed.id === job.id) send(changed);
	};
	queue.on('job', onJob);
	// a comment every 15 s keeps proxies from closing a quiet stream
	const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
	req.on('close', () => {
		clearInterval(keepAlive);
		queue.off('job', onJob);
	});
	return null;
};

const servePackageFile: Handler = async ({ req, res, params, service }) => {
	const job = service.get(params.id!);
	const platform = params.platform as PlatformName;
	const name = params.name as (typeof PACKAGE_FILES)[number];
	if (!(PLATFORM_NAMES as readonly string[]).includes(platform) || !(PACKAGE_FILES as readonly string[]).includes(name)) {
		throw new ServiceError(404, `no such file; a package has ${PACKAGE_FILES.join(', ')} per platform (${PLATFORM_NAMES.join(', ')})`);
	}
	if (!job.slug || !(await sendFile(req, res, outputPaths(service.outDir, job.slug, platform)[PLATFORM_KEYS[name]]))) {
		throw new ServiceError(404, `job ${job.id} has no ${platform}/${name} yet (state: ${job.state})`);
	}
	return null;
};

/** A voice or image of the job's scenes, from the output's cache: only `voice/…` and `image/…` files, no way out of it. */
const serveAsset: Handler = async ({ req, res, params, service }) => {
	service.get(params.id!);
	const asset = params.path!;
	if (!/^(voice|image)\/[A-Za-z0-9._-]+$/.test(asset) || asset.includes('..'))
		throw new ServiceError(404, 'assets are voice/<file> or image/<file> of the cache');
	if (!(await sendFile(req, res, path.join(service.outDir, '.cache', asset)))) throw new ServiceError(404, `no asset ${asset}`);
	return null;
};

/** Every route of the API; the OpenAPI document is made from this table, so the two cannot drift. */
const signIn: Handler = async ({ res, body, token }) => {
	const given = (await body()) as { token?: unknown };
	if (typeof given?.token !== 'string' || given.token === '') throw new ServiceError(400, 'send {"token": "…"}', [{ path: 'token', message: 'missing token' }]);
	if (token && !sameToken(given.token, token)) throw new ServiceError(401, 'that is not the server token (REELSMITH_API_TOKEN)');
	if (token) res.setHeader('set-cookie', sessionCookie(token));
	res.writeHead(204).end();
	return null;
};

export const ROUTES: readonly Route[] = [
	{
		method: 'POST',
		path: '/api/session',
		summary: 'Sign in a browser: {token} is checked against REELSMITH_API_TOKEN and kept in an HttpOnly, SameSite=Strict cookie',
		responses: { 204: 'signed in (or the server has no token)', 401: 'not the server token' },
		handler: signIn,
		public: true,
	},
	{
		method: 'POST',
		path: '/api/videos',
		summary: 'Start a video from a script, a topic or an article (a bare script body is accepted)',
		request: createVideoRequestSchema,
		responses: { 201: 'the job, queued' },
		handler: async ({ body, service }) => json(201, jobView(await service.create(await body()))),
	},
	{
		method: 'POST',
		path: '/api/plans',
		summary: 'A dry run: what a video would make and cost per platform, with no provider called (the same body as POST /api/videos)',
		request: createVideoRequestSchema,
		responses: { 200: 'per platform: title, scenes, runCostUsd, videoCostUsd, unpriced' },
		handler: async ({ body, service }) => json(200, await service.plan(await body())),
	},
	{
		method: 'GET',
		path: '/api/videos',
		summary: 'Every job, newest first',
		responses: { 200: 'the jobs' },
		handler: async ({ service }) => json(200, service.list().map(jobView)),
	},
	{
		method: 'GET',
		path: '/api/videos/{id}',
		summary: 'One job: state, progress, outputs',
		responses: { 200: 'the job' },
		handler: async ({ params, service }) => json(200, jobView(service.get(params.id!))),
	},
	{
		method: 'DELETE',
		path: '/api/videos/{id}',
		summary: 'Cancel a job; a running one stops its browsers and ffmpeg first',
		responses: { 200: 'the job, cancelled (or as it ended)' },
		handler: async ({ params, service }) => json(200, jobView(await service.cancel(params.id!))),
	},
	{
		method: 'GET',
		path: '/api/videos/{id}/events',
		summary: 'Server-Sent Events: the job at every stage and frame progress',
		responses: { 200: 'text/event-stream of `job` events' },
		handler: serveEvents,
	},
	{
		method: 'GET',
		path: '/api/videos/{id}/scenes',
		summary: "The job's scenes with their voice and image",
		responses: { 200: 'the scenes' },
		handler: async ({ params, service }) => json(200, await service.scenes(params.id!)),
	},
	{
		method: 'PATCH',
		path: '/api/videos/{id}/scenes/{sceneId}',
		summary: "Edit a scene's narration, overlay, motion, transition or visual description",
		request: sceneEditSchema,
		responses: { 200: 'the scenes, edited', 409: 'the job is queued or running' },
		handler: async ({ params, body, service }) => json(200, await service.editScene(params.id!, params.sceneId!, await body())),
	},
	{
		method: 'POST',
		path: '/api/videos/{id}/scenes/{sceneId}/redo',
		summary: "A new take of a scene's voice or image",
		request: redoRequestSchema,
		responses: { 202: 'the job, queued to make the take', 409: 'the job is queued or running' },
		handler: async ({ params, body, service }) => json(202, jobView(service.redoScene(params.id!, params.sceneId!, await body()))),
	},
	{
		method: 'POST',
		path: '/api/videos/{id}/render',
		summary: 'Render again, remaking only what changed',
		responses: { 202: 'the job, queued to render', 409: 'the job is queued or running' },
		handler: async ({ params, service }) => json(202, jobView(service.render(params.id!))),
	},
	{
		method: 'GET',
		path: '/api/videos/{id}/files/{platform}/{name}',
		summary: 'A package file: video.mp4 (Range requests), cover.jpg, captions, metadata.json',
		responses: { 200: 'the file', 206: 'a byte range of it', 416: 'an unsatisfiable range' },
		handler: servePackageFile,
	},
	{
		method: 'GET',
		path: '/api/videos/{id}/assets/{path}',
		summary: "A scene's voice or image (voice/<file>, image/<file>)",
		responses: { 200: 'the file', 206: 'a byte range of it' },
		handler: serveAsset,
	},
];
