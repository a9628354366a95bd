import type { outputPaths } from '../../output/output-paths';
import type { Job } from './job-store';

/** The files of a package a client may fetch. */
export const PACKAGE_FILES = ['video.mp4', 'cover.jpg', 'captions.srt', 'captions.vtt', 'metadata.json'] as const;

export const PLATFORM_KEYS: Readonly<Record<(typeof PACKAGE_FILES)[number], keyof ReturnType<typeof outputPaths>>> = {
	'video.mp4': 'video',
	'cover.jpg': 'cover',
	'captions.srt': 'srt',
	'captions.vtt': 'vtt',
	'metadata.json': 'metadata',
};

/** The job as clients see it: paths inside the server's folders become URLs. */
export const jobView = (job: Job) => ({
	id: job.id,
	input: job.input.kind === 'topic' ? { kind: 'topic', topic: job.input.topic } : { kind: job.input.kind },
	options: job.options,
	action: job.action,
	state: job.state,
	progress: job.progress,
	error: job.error,
	slug: job.slug,
	createdAt: job.createdAt,
	updatedAt: job.updatedAt,
	outputs: job.outputs.map((output) => ({
		platform: output.platform,
		files: Object.fromEntries(PACKAGE_FILES.map((name) => [name, `/api/videos/${job.id}/files/${output.platform}/${name}`])),
	})),
});
