import path from 'node:path';
import { redactSecrets } from '../src/config/redact-secrets';
import { parseNumberFlag } from '../src/pipeline/cli/parse-number';
import { InputError } from '../src/schema/input-error';
import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { runCli, usageError } from '../src/pipeline/run-cli';
import { exchangeRefreshToken } from '../src/publish/youtube/oauth-token';
import { sessionStore } from '../src/publish/youtube/session-store';
import { pendingSteps, readUploadRecord, uploadPackage } from '../src/publish/youtube/upload-package';
import { CHUNK_GRANULE, UPLOAD_RECORD_FILE } from '../src/publish/youtube/upload-video';
import { PRIVACY_STATUSES, videoResource, type PrivacyStatus } from '../src/publish/youtube/video-resource';
import { readYoutubeEnv } from '../src/publish/youtube/youtube-env';
import { readYoutubePackage } from '../src/publish/youtube/youtube-package';
import { quote } from '../src/schema/quote';

const USAGE = `usage: npm run upload -- --package out/<slug>/youtube [--privacy ${PRIVACY_STATUSES.join('|')}] [--chunk-mb 8] [--caption-language en|zh-CN|…]`;
const BCP47 = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

await runCli('upload', async () => {
	const { values } = parseFlags(USAGE, {
		package: { type: 'string' },
		privacy: { type: 'string', default: 'private' },
		'chunk-mb': { type: 'string' },
		'caption-language': { type: 'string' },
	});
	if (!values.package) throw usageError(USAGE, 'give the package folder with --package out/<slug>/youtube');
	if (!(PRIVACY_STATUSES as readonly string[]).includes(values.privacy)) {
		throw usageError(USAGE, `--privacy ${quote(values.privacy)} is not one of ${PRIVACY_STATUSES.join(', ')}`);
	}
	const captionLanguage = values['caption-language'];
	if (captionLanguage !== undefined && !BCP47.test(captionLanguage)) {
		throw usageError(USAGE, `--caption-language ${quote(captionLanguage)} is not a BCP 47 tag such as en or zh-CN`);
	}
	const chunkMb = parseNumberFlag('--chunk-mb', values['chunk-mb'], 0.25, 1024, '8');
	const chunkSize = chunkMb === undefined ? undefined : Math.round(chunkMb * 4) * CHUNK_GRANULE;
	if (chunkMb !== undefined && chunkSize !== chunkMb * 1024 * 1024) {
		throw new InputError('arguments', [{ path: '--chunk-mb', message: `${chunkMb} is not a multiple of 0.25 (YouTube takes chunks in 256 KiB steps)` }]);
	}

	const pkg = await readYoutubePackage(values.package);
	const done = await readUploadRecord(pkg.dir);
	const pending = await pendingSteps(done, pkg);
	if (done && !pending.thumbnail && !pending.captions) {
		throw new InputError('arguments', [
			{ path: '--package', message: `already uploaded as ${done.url}; delete ${UPLOAD_RECORD_FILE} in the package to upload it again` },
		]);
	}
	const { credentials, baseUrl } = readYoutubeEnv(process.env);
	const { resource, notes } = videoResource(pkg.metadata, values.privacy as PrivacyStatus, pkg.slug);
	for (const message of notes) console.error(`upload: ${message}`);

	const onNote = (message: string) => console.error(redactSecrets(`upload: ${message}`));
	const token = credentials.kind === 'token' ? credentials.token : await exchangeRefreshToken(credentials, { onNote });
	console.error(`upload: ${quote(resource.snippet.title)} as ${resource.status.privacyStatus}`);
	const store = sessionStore(pkg.dir);
	const record = await uploadPackage({
		token,
		baseUrl,
		packageDir: pkg.dir,
		videoFile: pkg.videoFile,
		resource,
		...(pkg.coverFile ? { coverFile: pkg.coverFile } : {}),
		...(pkg.captionsFile ? { captionsFile: pkg.captionsFile } : {}),
		...(captionLanguage || pkg.language ? { captionLanguage: captionLanguage ?? pkg.language } : {}),
		...(chunkSize !== undefined ? { chunkSize } : {}),
		onProgress: (sent, total) => console.error(`upload: ${Math.floor((sent / total) * 100)}% (${megabytes(sent)} of ${megabytes(total)} MB)`),
		onNote,
	}).catch(async (error: unknown) => {
		const saved = await store.load();
		if (!saved) throw error;
		throw new Error(`stopped after ${megabytes(saved.uploadedBytes)} of ${megabytes(saved.fileSize)} MB; run the same command again to resume this upload`, {
			cause: error,
		});
	});
	console.error(
		`upload: done, ${record.uploadedBytes} bytes${record.thumbnail ? ', thumbnail' : ''}${record.captions ? ', captions' : ''}; see ${path.relative(process.cwd(), path.join(pkg.dir, UPLOAD_RECORD_FILE))}`,
	);
	console.log(record.url);
});
