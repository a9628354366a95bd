import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { redactSecrets } from '../src/config/redact-secrets';
import { parseNumberFlag } from '../src/pipeline/cli/parse-number';
import { InputError } from '../src/pipeline/input-error';
import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { runCli, usageError } from '../src/pipeline/run-cli';
import { sessionStore } from '../src/publish/youtube/session-store';
import { CHUNK_GRANULE, UPLOAD_RECORD_FILE, uploadVideo } from '../src/publish/youtube/upload-video';
import { PRIVACY_STATUSES, videoResource, type PrivacyStatus } from '../src/publish/youtube/video-resource';
import { readYoutubeEnv } from '../src/publish/youtube/youtube-env';
import { readYoutubePackage } from '../src/publish/youtube/youtube-package';
import { quote } from '../src/schema/quote';

const USAGE = `usage: npm run upload -- --package out/<slug>/youtube [--privacy ${PRIVACY_STATUSES.join('|')}] [--chunk-mb 8]`;

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const alreadyUploaded = async (dir: string): Promise<string | undefined> => {
	try {
		const record = JSON.parse(await readFile(path.join(dir, UPLOAD_RECORD_FILE), 'utf8')) as { url?: unknown };
		return typeof record.url === 'string' ? record.url : UPLOAD_RECORD_FILE;
	} catch {
		return undefined;
	}
};

await runCli('upload', async () => {
	const { values } = parseFlags(USAGE, { package: { type: 'string' }, privacy: { type: 'string', default: 'private' }, 'chunk-mb': { type: 'string' } });
	if (!values.package) throw usageError(USAGE, 'give the package folder with --package out/<slug>/youtube');
	if (!(PRIVACY_STATUSES as readonly string[]).includes(values.privacy)) {
		throw usageError(USAGE, `--privacy ${quote(values.privacy)} is not one of ${PRIVACY_STATUSES.join(', ')}`);
	}
	const chunkMb = parseNumberFlag('--chunk-mb', values['chunk-mb'], 0.25, 1024, '8');
	const chunkSize = chunkMb === undefined ? undefined : Math.round(chunkMb * 4) * CHUNK_GRANULE;
	if (chunkMb !== undefined && chunkSize !== chunkMb * 1024 * 1024) {
		throw new InputError('arguments', [{ path: '--chunk-mb', message: `${chunkMb} is not a multiple of 0.25 (YouTube takes chunks in 256 KiB steps)` }]);
	}

	const pkg = await readYoutubePackage(values.package);
	const done = await alreadyUploaded(pkg.dir);
	if (done) {
		throw new InputError('arguments', [{ path: '--package', message: `already uploaded as ${done}; delete ${UPLOAD_RECORD_FILE} in the package to upload it again` }]);
	}
	const { token, baseUrl } = readYoutubeEnv(process.env);
	const { resource, notes } = videoResource(pkg.metadata, values.privacy as PrivacyStatus, pkg.slug);
	for (const message of notes) console.error(`upload: ${message}`);

	console.error(`upload: ${quote(resource.snippet.title)} as ${resource.status.privacyStatus}`);
	const store = sessionStore(pkg.dir);
	const record = await uploadVideo({
		token,
		baseUrl,
		packageDir: pkg.dir,
		videoFile: pkg.videoFile,
		resource,
		...(chunkSize !== undefined ? { chunkSize } : {}),
		onProgress: (sent, total) => console.error(`upload: ${Math.floor((sent / total) * 100)}% (${megabytes(sent)} of ${megabytes(total)} MB)`),
		onNote: (message) => console.error(redactSecrets(`upload: ${message}`)),
	}).catch(async (error: unknown) => {
		const saved = await store.load();
		if (!saved) throw error;
		throw new Error(`stopped after ${megabytes(saved.uploadedBytes)} of ${megabytes(saved.fileSize)} MB; run the same command again to resume this upload`, { cause: error });
	});
	console.error(`upload: done, ${record.uploadedBytes} bytes; see ${path.relative(process.cwd(), path.join(pkg.dir, UPLOAD_RECORD_FILE))}`);
	console.log(record.url);
});
