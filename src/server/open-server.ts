import path from 'node:path';
import type { Server } from 'node:http';
import { JobQueue } from './jobs/job-queue';
import { JobStore } from './jobs/job-store';
import { VideoService } from './jobs/video-service';
import { createApiServer } from './http/api-server';
import { serveBoard } from './board/board-files';

export type OpenServerOptions = { readonly outDir: string; readonly concurrency: number; readonly token?: string; readonly log?: (line: string) => void };

/** The job store under the output folder, its queue (resuming what a stopped server left running) and the service. */
export const openJobs = (options: Omit<OpenServerOptions, 'token'>): { queue: JobQueue; store: JobStore; service: VideoService } => {
	const store = new JobStore(path.join(options.outDir, '.server', 'jobs.sqlite'));
	const queue = new JobQueue({ store, outDir: options.outDir, concurrency: options.concurrency, ...(options.log ? { log: options.log } : {}) });
	const service = new VideoService(store, queue, options.outDir);
	queue.start();
	return { queue, store, service };
};

/** openJobs with the HTTP server in front: the REST API under /api, the scene board at /. */
export const openServer = (options: OpenServerOptions): { server: Server; queue: JobQueue; store: JobStore; service: VideoService } => {
	const jobs = openJobs(options);
	const server = createApiServer({
		service: jobs.service,
		queue: jobs.queue,
		serveOther: serveBoard,
		...(options.token ? { token: options.token } : {}),
		...(options.log ? { log: options.log } : {}),
	});
	return { server, ...jobs };
};
