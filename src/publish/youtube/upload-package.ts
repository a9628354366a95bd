import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../node/write-file-atomic';
import { withRetry } from '../../providers/http/retry';
import { DEFAULT_UPLOAD_BASE } from './start-session';
import { UPLOAD_RECORD_FILE, uploadVideo, youtubeRetry, type UploadRecord, type UploadVideoOptions } from './upload-video';
import { fileSize, insertCaptions, setThumbnail, THUMBNAIL_MAX_BYTES } from './video-extras';

export type UploadPackageOptions = UploadVideoOptions & {
	/** cover.jpg: set as the thumbnail once the video is in. */
	readonly coverFile?: string;
	/** captions.srt: uploaded as a caption track once the video is in. */
	readonly captionsFile?: string;
	readonly captionLanguage?: string;
	readonly captionName?: string;
};

/** Han characters mean Chinese (reelsmith's other script language), anything else English. */
const guessCaptionLanguage = async (srtFile: string): Promise<string> => (/\p{Script=Han}/u.test(await readFile(srtFile, 'utf8')) ? 'zh-CN' : 'en');

/** Steps of a package upload that are still to do, given what upload.json records. */
export type PendingSteps = { readonly video: boolean; readonly thumbnail: boolean; readonly captions: boolean };

const isRecord = (value: unknown): value is UploadRecord => typeof (value as Partial<UploadRecord> | null)?.videoId === 'string';

/** upload.json, if a video was uploaded from this package; an unreadable one counts as none. */
export const readUploadRecord = async (packageDir: string): Promise<UploadRecord | undefined> => {
	try {
		const value: unknown = JSON.parse(await readFile(path.join(packageDir, UPLOAD_RECORD_FILE), 'utf8'));
		return isRecord(value) ? value : undefined;
	} catch {
		return undefined;
	}
};

export const pendingSteps = async (
	record: UploadRecord | undefined,
	files: Pick<UploadPackageOptions, 'coverFile' | 'captionsFile'>,
): Promise<PendingSteps> => ({
	video: !record,
	thumbnail: !record?.thumbnail && files.coverFile !== undefined && (await fileSize(files.coverFile)) !== undefined,
	captions: !record?.captions && files.captionsFile !== undefined && (await fileSize(files.captionsFile)) !== undefined,
});

/**
 * Uploads a package: the video (resumable), then its thumbnail and captions, each retried and recorded in
 * upload.json as it finishes, so a rerun does only the steps still missing.
 */
export const uploadPackage = async (options: UploadPackageOptions): Promise<UploadRecord> => {
	const note = options.onNote ?? (() => {});
	const retry = youtubeRetry(options);
	const baseUrl = options.baseUrl ?? DEFAULT_UPLOAD_BASE;
	const recordFile = path.join(options.packageDir, UPLOAD_RECORD_FILE);

	let record = await readUploadRecord(options.packageDir);
	if (record) note(`the video is already uploaded as ${record.url}: doing only the steps still missing`);
	else record = await uploadVideo(options);
	const save = async (next: UploadRecord) => {
		await writeFileAtomic(recordFile, `${JSON.stringify(next, null, '\t')}\n`);
		record = next;
	};
	const pending = await pendingSteps(record, options);

	if (pending.thumbnail && options.coverFile) {
		const bytes = (await fileSize(options.coverFile)) ?? 0;
		if (bytes > THUMBNAIL_MAX_BYTES) {
			note(`cover.jpg is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the 2 MB YouTube takes for a thumbnail: thumbnail not set`);
		} else {
			options.signal?.throwIfAborted();
			await withRetry(() => setThumbnail(baseUrl, record!.videoId, options.coverFile!, options), retry);
			await save({ ...record, thumbnail: { bytes, setAt: new Date().toISOString() } });
			note('thumbnail set from cover.jpg');
		}
	}
	if (pending.captions && options.captionsFile) {
		const language = options.captionLanguage ?? (await guessCaptionLanguage(options.captionsFile));
		if (!options.captionLanguage) note(`captions language not given: guessed ${language} from captions.srt (set it with --caption-language)`);
		options.signal?.throwIfAborted();
		const snippet = { videoId: record.videoId, language, name: options.captionName ?? 'Subtitles' };
		const caption = await withRetry(() => insertCaptions(baseUrl, snippet, options.captionsFile!, options), retry).catch((error: unknown) => {
			const status = (error as { status?: unknown }).status;
			if (status !== 403) throw error;
			throw new Error('uploading the captions needs a token with the https://www.googleapis.com/auth/youtube.force-ssl scope; run again with one to add them', {
				cause: error,
			});
		});
		await save({ ...record, captions: { id: caption.id, language, insertedAt: new Date().toISOString() } });
		note(`captions uploaded (${language})`);
	}
	return record;
};
