import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTrustedSessionUri, SESSION_FILE } from '../src/publish/youtube/session-store';
import { uploadPackage } from '../src/publish/youtube/upload-package';
import { uploadVideo, type UploadVideoOptions } from '../src/publish/youtube/upload-video';
import { insertCaptions, setThumbnail } from '../src/publish/youtube/video-extras';
import { videoResource } from '../src/publish/youtube/video-resource';
import { FAKE_THUMBNAIL_MAX_BYTES, startFakeYoutube, type FakeYoutube } from './helpers/fake-youtube';
import { runScript } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

const TOKEN = 'ya29.fake-upload-TOKEN-0123456789abcdef';
const KIB256 = 256 * 1024;
const SIZE = Math.round(1.3 * 1024 * 1024);
const METADATA = {
	title: 'Why the sky is blue',
	description: 'Rayleigh scattering, in a minute.',
	tags: ['science', 'sky color'],
	duration: 42,
	resolution: '1920x1080',
	platform: 'youtube',
};

const RENDER_KEY = 'a'.repeat(64);

let fake: FakeYoutube;
let dir: string;
let video: Buffer;
let sleeps: number[];

const makePackage = async (platform = 'youtube', files: { metadata?: object | null; video?: Buffer } = {}) => {
	const root = await makeTempDir('reelsmith-upload-');
	const pkg = path.join(root, 'out', 'sky-blue', platform);
	await mkdir(pkg, { recursive: true });
	if (files.metadata !== null) await writeFile(path.join(pkg, 'metadata.json'), JSON.stringify(files.metadata ?? METADATA));
	const bytes = files.video ?? video;
	await writeFile(path.join(pkg, 'video.mp4'), bytes);
	// what a render leaves beside the video: its record, and the summary that describes it
	const render = { durationInFrames: 1260, width: 1920, height: 1080, fps: 30, sizeBytes: bytes.byteLength, wallMs: 1000, renderFps: 30 };
	await writeFile(path.join(pkg, 'render.json'), JSON.stringify({ renderKey: RENDER_KEY, draft: false, render }));
	const summary = {
		title: METADATA.title,
		slug: 'sky-blue',
		outputs: [`${platform}/video.mp4`],
		platforms: { [platform]: { video: `${platform}/video.mp4`, ...render, renderWallMs: render.wallMs, draft: false, renderKey: RENDER_KEY } },
	};
	await writeFile(path.join(root, 'out', 'sky-blue', 'summary.json'), JSON.stringify(summary));
	return { root, pkg };
};

const options = (overrides: Partial<UploadVideoOptions> = {}): UploadVideoOptions => ({
	token: TOKEN,
	baseUrl: fake.url,
	packageDir: dir,
	videoFile: path.join(dir, 'video.mp4'),
	resource: videoResource(METADATA, 'private', 'sky-blue').resource,
	chunkSize: KIB256,
	retry: { retries: 3, baseDelayMs: 10, maxDelayMs: 100 },
	sleep: async (ms) => void sleeps.push(ms),
	...overrides,
});

const chunkRanges = () => fake.requests.filter((r) => r.kind === 'chunk' || r.kind === 'query').map((r) => String(r.headers['content-range']));
const storedBytes = (id = '1') => fake.sessions.get(id)?.bytes;

/** Every file under a folder, as text, to look for the token. */
const allText = async (folder: string): Promise<string> => {
	const entries = await readdir(folder, { recursive: true, withFileTypes: true });
	const texts = await Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(path.join(e.parentPath, e.name), 'utf8')));
	return texts.join('\n');
};

beforeEach(async () => {
	fake = await startFakeYoutube(TOKEN);
	video = randomBytes(SIZE);
	sleeps = [];
	({ pkg: dir } = await makePackage());
});
afterEach(async () => {
	await fake.close();
});

describe('youtube resumable upload', () => {
	it('uploads in 256 KiB chunks with the right headers and snippet, then records the video', async () => {
		const progress: number[] = [];
		const record = await uploadVideo(options({ onProgress: (sent) => progress.push(sent) }));

		expect(record).toEqual({ videoId: 'vid1', url: 'https://youtu.be/vid1', uploadedBytes: SIZE, title: METADATA.title });
		const [start, ...rest] = fake.requests;
		expect(start!.kind).toBe('start');
		expect(start!.query.get('part')).toBe('snippet,status');
		expect(start!.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(start!.headers['x-upload-content-length']).toBe(String(SIZE));
		expect(start!.headers['x-upload-content-type']).toBe('video/mp4');
		expect(start!.headers['content-type']).toBe('application/json; charset=UTF-8');
		expect(start!.json).toEqual({
			snippet: { title: METADATA.title, description: METADATA.description, tags: METADATA.tags, categoryId: '22' },
			status: { privacyStatus: 'private', selfDeclaredMadeForKids: false },
		});
		expect(rest.every((r) => r.kind === 'chunk' && r.headers.authorization === `Bearer ${TOKEN}` && r.query.get('upload_id') === '1')).toBe(true);
		expect(chunkRanges()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `bytes ${i * KIB256}-${Math.min((i + 1) * KIB256, SIZE) - 1}/${SIZE}`));
		expect(progress).toEqual([1, 2, 3, 4, 5].map((i) => i * KIB256));
		expect(storedBytes()!.equals(video)).toBe(true);

		expect(JSON.parse(await readFile(path.join(dir, 'upload.json'), 'utf8'))).toEqual(record);
		expect(existsSync(path.join(dir, SESSION_FILE))).toBe(false);
		expect(await allText(dir)).not.toContain(TOKEN);
	});

	it('resends from the last acknowledged byte when the server keeps fewer bytes than sent', async () => {
		fake.fail('chunk', { kind: 'pass' }, { kind: 'ack-less', keep: 1000 });
		await uploadVideo(options());
		const ranges = chunkRanges();
		expect(ranges[1]).toBe(`bytes ${KIB256}-${2 * KIB256 - 1}/${SIZE}`);
		expect(ranges[2]).toBe(`bytes ${KIB256 + 1000}-${2 * KIB256 + 1000 - 1}/${SIZE}`);
		expect(storedBytes()!.equals(video)).toBe(true);
		expect(sleeps).toEqual([]);
	});

	it('asks for the status after a dropped connection and resumes from the last acknowledged byte', async () => {
		fake.fail('chunk', { kind: 'pass' }, { kind: 'drop', after: 100_000 });
		const notes: string[] = [];
		await uploadVideo(options({ onNote: (n) => notes.push(n) }));
		const ranges = chunkRanges();
		expect(ranges.slice(0, 4)).toEqual([
			`bytes 0-${KIB256 - 1}/${SIZE}`,
			`bytes ${KIB256}-${2 * KIB256 - 1}/${SIZE}`,
			`bytes */${SIZE}`,
			`bytes ${KIB256 + 100_000}-${2 * KIB256 + 100_000 - 1}/${SIZE}`,
		]);
		expect(sleeps).toEqual([10]);
		expect(notes.join('\n')).toMatch(/connection lost/);
		expect(storedBytes()!.equals(video)).toBe(true);
	});

	it('retries a 503 with backoff after a status query', async () => {
		fake.fail('chunk', { kind: 'pass' }, { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
		await uploadVideo(options());
		expect(chunkRanges().slice(1, 6)).toEqual([
			`bytes ${KIB256}-${2 * KIB256 - 1}/${SIZE}`,
			`bytes */${SIZE}`,
			`bytes ${KIB256}-${2 * KIB256 - 1}/${SIZE}`,
			`bytes */${SIZE}`,
			`bytes ${KIB256}-${2 * KIB256 - 1}/${SIZE}`,
		]);
		expect(sleeps).toEqual([10, 20]);
		expect(storedBytes()!.equals(video)).toBe(true);
	});

	it('waits as long as Retry-After says on a 429, also when starting the session', async () => {
		fake.fail('start', { kind: 'status', status: 429, headers: { 'retry-after': '0.05' } });
		fake.fail('chunk', { kind: 'status', status: 429, headers: { 'retry-after': '0.2' } });
		await uploadVideo(options());
		expect(sleeps).toEqual([50, 200]);
		expect(fake.requests.filter((r) => r.kind === 'start')).toHaveLength(2);
		expect(fake.sessions.size).toBe(1);
		expect(storedBytes()!.equals(video)).toBe(true);
	});

	it('a killed run leaves its session saved; the next run asks that session where it stands and continues', async () => {
		const controller = new AbortController();
		let chunks = 0;
		const first = uploadVideo(options({ signal: controller.signal, onProgress: () => ++chunks === 2 && controller.abort() }));
		await expect(first).rejects.toThrow();
		const saved = JSON.parse(await readFile(path.join(dir, SESSION_FILE), 'utf8'));
		expect(saved).toMatchObject({
			sessionUri: `${fake.url}/upload/youtube/v3/videos?uploadType=resumable&upload_id=1`,
			uploadedBytes: 2 * KIB256,
			fileSize: SIZE,
		});
		expect(JSON.stringify(saved)).not.toContain(TOKEN);
		expect(fake.requests).toHaveLength(3);

		const notes: string[] = [];
		const record = await uploadVideo(options({ onNote: (n) => notes.push(n) }));
		const second = fake.requests.slice(3);
		expect(second.some((r) => r.kind === 'start')).toBe(false);
		expect(second[0]).toMatchObject({ kind: 'query', path: '/upload/youtube/v3/videos' });
		expect(second[0]!.query.get('upload_id')).toBe('1');
		expect(second[0]!.headers['content-range']).toBe(`bytes */${SIZE}`);
		expect(second[1]!.headers['content-range']).toBe(`bytes ${2 * KIB256}-${3 * KIB256 - 1}/${SIZE}`);
		expect(notes.join('\n')).toMatch(/resuming/);
		expect(record.videoId).toBe('vid1');
		expect(storedBytes()!.equals(video)).toBe(true);
		expect(existsSync(path.join(dir, SESSION_FILE))).toBe(false);
	});

	it('starts a new session when the old one expired (404)', async () => {
		fake.fail('chunk', { kind: 'pass' }, { kind: 'expire' });
		const record = await uploadVideo(options());
		expect(fake.requests.filter((r) => r.kind === 'start')).toHaveLength(2);
		expect(record.videoId).toBe('vid2');
		expect(fake.sessions.has('1')).toBe(false);
		expect(storedBytes('2')!.equals(video)).toBe(true);
		expect(fake.requests.filter((r) => r.query.get('upload_id') === '2').map((r) => r.headers['content-range'])[0]).toBe(`bytes 0-${KIB256 - 1}/${SIZE}`);
	});

	it('a saved session that expired while nobody was uploading is replaced too', async () => {
		const controller = new AbortController();
		await expect(uploadVideo(options({ signal: controller.signal, onProgress: () => controller.abort() }))).rejects.toThrow();
		fake.sessions.delete('1');
		const record = await uploadVideo(options());
		expect(record.videoId).toBe('vid2');
		expect(storedBytes('2')!.equals(video)).toBe(true);
	});

	it('gives up on a refused token with a message that says what to do, keeping nothing secret', async () => {
		const error = await uploadVideo(options({ token: 'ya29.wrong-token-abcdefghijklmnop' })).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/HTTP 401.*youtube\.upload/s);
		expect((error as Error).message).not.toContain('wrong-token');
		expect(sleeps).toEqual([]);
	});
});

describe('saved session safety', () => {
	const abortAfterFirstChunk = async () => {
		const controller = new AbortController();
		await expect(uploadVideo(options({ signal: controller.signal, onProgress: () => controller.abort() }))).rejects.toThrow();
	};

	it("trusts only https on Google's upload endpoint or the configured upload server", () => {
		const google = 'https://www.googleapis.com/upload/youtube/v3/videos?uploadType=resumable&upload_id=abc';
		expect(isTrustedSessionUri(google)).toBe(true);
		expect(isTrustedSessionUri(google, 'http://127.0.0.1:9')).toBe(true);
		expect(isTrustedSessionUri('http://www.googleapis.com/upload/youtube/v3/videos?upload_id=abc')).toBe(false);
		expect(isTrustedSessionUri('https://www.googleapis.com.evil.example/upload/youtube/v3/videos?upload_id=abc')).toBe(false);
		expect(isTrustedSessionUri('https://user:pw@www.googleapis.com/upload/youtube/v3/videos?upload_id=abc')).toBe(false);
		expect(isTrustedSessionUri('https://www.googleapis.com/youtube/v3/videos?upload_id=abc')).toBe(false);
		expect(isTrustedSessionUri('https://evil.example/upload/youtube/v3/videos?upload_id=abc')).toBe(false);
		expect(isTrustedSessionUri('not a url')).toBe(false);
		expect(isTrustedSessionUri('http://127.0.0.1:9/upload/youtube/v3/videos?upload_id=1', 'http://127.0.0.1:9')).toBe(true);
		expect(isTrustedSessionUri('http://127.0.0.1:10/upload/youtube/v3/videos?upload_id=1', 'http://127.0.0.1:9')).toBe(false);
	});

	it('writes the session file readable by its owner only (0600)', async () => {
		await abortAfterFirstChunk();
		expect((await stat(path.join(dir, SESSION_FILE))).mode & 0o777).toBe(0o600);
	});

	it('never sends the token to a session on another host: discards it with a warning and starts a new session', async () => {
		const foreign = await startFakeYoutube(TOKEN);
		try {
			await abortAfterFirstChunk();
			const file = path.join(dir, SESSION_FILE);
			const saved = JSON.parse(await readFile(file, 'utf8')) as { sessionUri: string };
			await writeFile(file, JSON.stringify({ ...saved, sessionUri: `${foreign.url}/upload/youtube/v3/videos?uploadType=resumable&upload_id=1` }));

			const notes: string[] = [];
			const record = await uploadVideo(options({ onNote: (n) => notes.push(n) }));
			expect(foreign.requests).toEqual([]);
			expect(notes.join('\n')).toMatch(/warning: .*upload-session\.json names a session outside YouTube's upload endpoint.*discarded, starting a new session/);
			expect(record.videoId).toBe('vid2');
			expect(storedBytes('2')!.equals(video)).toBe(true);
		} finally {
			await foreign.close();
		}
	});

	it('refuses a new session whose Location points at another host, sending it nothing', async () => {
		const foreign = await startFakeYoutube(TOKEN);
		try {
			fake.fail('start', { kind: 'status', status: 200, headers: { location: `${foreign.url}/upload/youtube/v3/videos?upload_id=1` } });
			await expect(uploadVideo(options())).rejects.toThrow(/session outside its upload endpoint/);
			expect(foreign.requests).toEqual([]);
		} finally {
			await foreign.close();
		}
	});
});

describe('thumbnail and captions', () => {
	const SRT = '1\n00:00:00,000 --> 00:00:02,000\nWhy is the sky blue?\n';
	let cover: Buffer;
	const withExtras = async () => {
		cover = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(50_000)]);
		await writeFile(path.join(dir, 'cover.jpg'), cover);
		await writeFile(path.join(dir, 'captions.srt'), SRT);
		return { ...options(), coverFile: path.join(dir, 'cover.jpg'), captionsFile: path.join(dir, 'captions.srt'), captionLanguage: 'en' };
	};
	const readRecord = async () => JSON.parse(await readFile(path.join(dir, 'upload.json'), 'utf8')) as Record<string, unknown>;

	it('sets cover.jpg as the thumbnail and uploads captions.srt after the video, retrying each, and records both', async () => {
		fake.fail('thumbnail', { kind: 'status', status: 503 });
		fake.fail('captions', { kind: 'status', status: 500 });
		const record = await uploadPackage(await withExtras());

		const thumb = fake.requests.filter((r) => r.kind === 'thumbnail').at(-1);
		expect(thumb!.path).toBe('/upload/youtube/v3/thumbnails/set');
		expect(thumb!.query.get('videoId')).toBe('vid1');
		expect(thumb!.headers['content-type']).toBe('image/jpeg');
		expect(thumb!.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(fake.thumbnails.get('vid1')!.equals(cover)).toBe(true);
		expect(fake.captions).toEqual([{ id: 'cap1', snippet: { videoId: 'vid1', language: 'en', name: 'Subtitles', isDraft: false }, body: SRT }]);
		expect(fake.requests.filter((r) => r.kind === 'thumbnail')).toHaveLength(2);
		expect(fake.requests.filter((r) => r.kind === 'captions')).toHaveLength(2);
		expect(sleeps).toEqual([10, 10]);

		expect(record).toMatchObject({ videoId: 'vid1', thumbnail: { bytes: cover.length }, captions: { id: 'cap1', language: 'en' } });
		expect(await readRecord()).toEqual(record);
		expect(await readFile(path.join(dir, 'upload.json'), 'utf8')).not.toContain(TOKEN);
	});

	it('a rerun after the video is in does only the missing steps', async () => {
		const extras = await withExtras();
		fake.fail('captions', { kind: 'status', status: 403 });
		await expect(uploadPackage(extras)).rejects.toThrow(/youtube\.force-ssl/);
		expect(await readRecord()).toMatchObject({ videoId: 'vid1', thumbnail: { bytes: cover.length } });
		expect((await readRecord()).captions).toBeUndefined();

		const before = fake.requests.length;
		const notes: string[] = [];
		const record = await uploadPackage({ ...extras, onNote: (n) => notes.push(n) });
		expect(fake.requests.slice(before).map((r) => r.kind)).toEqual(['captions']);
		expect(notes.join('\n')).toMatch(/already uploaded as https:\/\/youtu\.be\/vid1/);
		expect(record).toMatchObject({ videoId: 'vid1', thumbnail: { bytes: cover.length }, captions: { id: 'cap1' } });

		const after = fake.requests.length;
		await uploadPackage(extras);
		expect(fake.requests.length).toBe(after);
	});

	it('a rerun after the video was uploaded but before any extra sends no video again', async () => {
		await uploadVideo(options());
		const extras = await withExtras();
		const before = fake.requests.length;
		await uploadPackage(extras);
		expect(fake.requests.slice(before).map((r) => r.kind)).toEqual(['thumbnail', 'captions']);
	});

	it('without a language, guesses zh-CN for Chinese captions and en otherwise, and says so', async () => {
		const { captionLanguage: _l, ...extras } = await withExtras();
		await writeFile(extras.captionsFile, '1\n00:00:00,000 --> 00:00:02,000\n天空为什么是蓝色的\n');
		const notes: string[] = [];
		await uploadPackage({ ...extras, onNote: (n) => notes.push(n) });
		expect(fake.captions.map((c) => c.snippet.language)).toEqual(['zh-CN']);
		expect(notes.join('\n')).toMatch(/guessed zh-CN/);
	});

	it('does not send a cover over 2 MB, and says so', async () => {
		const extras = await withExtras();
		await writeFile(extras.coverFile, randomBytes(FAKE_THUMBNAIL_MAX_BYTES + 1));
		const notes: string[] = [];
		const record = await uploadPackage({ ...extras, onNote: (n) => notes.push(n) });
		expect(fake.requests.some((r) => r.kind === 'thumbnail')).toBe(false);
		expect(notes.join('\n')).toMatch(/over the 2 MB/);
		expect(record.thumbnail).toBeUndefined();
		expect(record.captions).toBeDefined();
	});

	it('the fake follows the docs: thumbnails over 2 MB or of another type, captions without snippet fields are refused', async () => {
		await uploadVideo(options());
		const connection = { token: TOKEN };
		const big = path.join(dir, 'big.jpg');
		await writeFile(big, randomBytes(FAKE_THUMBNAIL_MAX_BYTES + 1));
		await expect(setThumbnail(fake.url, 'vid1', big, connection)).rejects.toMatchObject({ status: 413 });
		const gif = await fetch(`${fake.url}/upload/youtube/v3/thumbnails/set?videoId=vid1`, {
			method: 'POST',
			headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'image/gif' },
			body: Buffer.from('GIF89a'),
		});
		expect(gif.status).toBe(400);
		expect(fake.thumbnails.size).toBe(0);

		const srt = path.join(dir, 'captions.srt');
		await writeFile(srt, SRT);
		await expect(insertCaptions(fake.url, { videoId: 'vid1', language: 'en', name: '' }, srt, connection)).rejects.toThrow(/snippet\.name/);
		await expect(insertCaptions(fake.url, { videoId: 'vid1', language: '', name: 'Subtitles' }, srt, connection)).rejects.toThrow(/snippet\.language/);
		await expect(insertCaptions(fake.url, { videoId: 'nope', language: 'en', name: 'Subtitles' }, srt, connection)).rejects.toMatchObject({ status: 404 });
		expect(fake.captions).toEqual([]);
		expect(await insertCaptions(fake.url, { videoId: 'vid1', language: 'en', name: 'Subtitles' }, srt, connection)).toEqual({ id: 'cap1' });
	});
});

describe('metadata → snippet', () => {
	it('trims the title to 100 characters, the description to 5000 bytes and the tags to 500 characters, and says so', () => {
		const tags = Array.from({ length: 80 }, (_, i) => `tag number ${i}`);
		const { resource, notes } = videoResource(
			{ title: `${'天'.repeat(150)}`, description: `<b>${'中'.repeat(3000)}`, tags: [...tags, 'science', 'science', ' '] },
			'unlisted',
			'slug',
		);
		expect([...resource.snippet.title]).toHaveLength(100);
		expect(Buffer.byteLength(resource.snippet.description)).toBeLessThanOrEqual(5000);
		expect(Buffer.byteLength(resource.snippet.description)).toBeGreaterThan(4990);
		expect(resource.snippet.description).not.toMatch(/[<>\ufffd]/);
		const cost = resource.snippet.tags.reduce((sum, tag) => sum + tag.length + (tag.includes(' ') ? 2 : 0), 0) + resource.snippet.tags.length - 1;
		expect(cost).toBeLessThanOrEqual(500);
		expect(resource.snippet.tags[0]).toBe('tag number 0');
		expect(resource.snippet.tags).toContain('science');
		expect(resource.status.privacyStatus).toBe('unlisted');
		expect(notes.join('\n')).toMatch(/title cut to 100/);
		expect(notes.join('\n')).toMatch(/description cut to 5000 bytes/);
		expect(notes.join('\n')).toMatch(/tags/);
	});

	it('falls back to the slug for a missing title and leaves short metadata alone', () => {
		const { resource, notes } = videoResource({}, 'private', 'sky-blue');
		expect(resource.snippet).toEqual({ title: 'sky-blue', description: '', tags: [], categoryId: '22' });
		expect(notes).toEqual([]);
	});
});

describe('npm run upload', () => {
	const {
		YOUTUBE_ACCESS_TOKEN: _t,
		YOUTUBE_UPLOAD_URL: _u,
		YOUTUBE_CLIENT_ID: _i,
		YOUTUBE_CLIENT_SECRET: _s,
		YOUTUBE_REFRESH_TOKEN: _r,
		YOUTUBE_TOKEN_URL: _tu,
		...baseEnv
	} = process.env;
	const upload = (root: string, args: string[], env: NodeJS.ProcessEnv = baseEnv) => runScript('scripts/upload.ts', args, root, env);

	it('without a token exits 2 and says how to get one', async () => {
		const { root } = await makePackage();
		const result = await upload(root, ['--package', 'out/sky-blue/youtube']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/YOUTUBE_ACCESS_TOKEN/);
		expect(result.stderr).toMatch(/https:\/\/www\.googleapis\.com\/auth\/youtube\.upload/);
		expect(result.stderr).toMatch(/gcloud auth print-access-token/);
		expect(fake.requests).toHaveLength(0);
	}, 60_000);

	it('refuses douyin/bilibili packages and folders without metadata.json or video.mp4 (exit 2)', async () => {
		const env = { ...baseEnv, YOUTUBE_ACCESS_TOKEN: TOKEN, YOUTUBE_UPLOAD_URL: fake.url };
		const douyin = await makePackage('douyin');
		const byHand = await upload(douyin.root, ['--package', 'out/sky-blue/douyin'], env);
		expect(byHand.code).toBe(2);
		expect(byHand.stderr).toMatch(/douyin videos are uploaded by hand/);

		const noMetadata = await makePackage('youtube', { metadata: null });
		const missing = await upload(noMetadata.root, ['--package', 'out/sky-blue/youtube'], env);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/no metadata\.json: run npm run make or npm run render/);

		const badPrivacy = await upload(douyin.root, ['--package', 'out/sky-blue/youtube', '--privacy', 'friends'], env);
		expect(badPrivacy.code).toBe(2);
		const badLanguage = await upload(douyin.root, ['--package', 'out/sky-blue/youtube', '--caption-language', 'English'], env);
		expect(badLanguage.code).toBe(2);
		expect(badLanguage.stderr).toMatch(/--caption-language "?English"? is not a BCP 47 tag/);
		expect(byHand.stdout + byHand.stderr + missing.stderr + badPrivacy.stderr).not.toContain(TOKEN);
		expect(fake.requests).toHaveLength(0);
	}, 60_000);

	it('refuses a package that does not match its summary: a changed video, another render, no summary entry (exit 2)', async () => {
		const env = { ...baseEnv, YOUTUBE_ACCESS_TOKEN: TOKEN, YOUTUBE_UPLOAD_URL: fake.url };
		const grown = await makePackage();
		await writeFile(path.join(grown.pkg, 'video.mp4'), Buffer.concat([video, Buffer.from('tail')]));
		const sized = await upload(grown.root, ['--package', 'out/sky-blue/youtube'], env);
		expect(sized.code).toBe(2);
		expect(sized.stderr).toContain(`video.mp4 is ${SIZE + 4} bytes but summary.json says ${SIZE}`);

		const other = await makePackage();
		const record = JSON.parse(await readFile(path.join(other.pkg, 'render.json'), 'utf8')) as object;
		await writeFile(path.join(other.pkg, 'render.json'), JSON.stringify({ ...record, renderKey: 'b'.repeat(64) }));
		const keyed = await upload(other.root, ['--package', 'out/sky-blue/youtube'], env);
		expect(keyed.code).toBe(2);
		expect(keyed.stderr).toMatch(/holds a different render than summary\.json describes/);

		const orphan = await makePackage();
		await writeFile(path.join(orphan.root, 'out', 'sky-blue', 'summary.json'), JSON.stringify({ title: 't', slug: 'sky-blue', outputs: [], platforms: {} }));
		const missing = await upload(orphan.root, ['--package', 'out/sky-blue/youtube'], env);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/has no youtube render: run npm run render/);
		expect(fake.requests).toHaveLength(0);
	}, 60_000);

	it('uploads a package, prints the URL, writes upload.json, and never shows or writes the token', async () => {
		const { root, pkg } = await makePackage();
		const env = { ...baseEnv, YOUTUBE_ACCESS_TOKEN: TOKEN, YOUTUBE_UPLOAD_URL: fake.url };
		fake.fail('chunk', { kind: 'status', status: 503 });
		const result = await upload(root, ['--package', 'out/sky-blue/youtube', '--privacy', 'unlisted', '--chunk-mb', '0.5'], env);
		expect(result.code).toBe(0);
		expect(result.stdout.trim()).toBe('https://youtu.be/vid1');
		expect(chunkRanges()[0]).toBe(`bytes 0-${2 * KIB256 - 1}/${SIZE}`);
		expect((fake.requests[0]!.json as { status: { privacyStatus: string } }).status.privacyStatus).toBe('unlisted');
		expect(storedBytes()!.equals(video)).toBe(true);
		expect(JSON.parse(await readFile(path.join(pkg, 'upload.json'), 'utf8'))).toMatchObject({ videoId: 'vid1', uploadedBytes: SIZE });
		expect(result.stdout + result.stderr).not.toContain(TOKEN);
		expect(await allText(root)).not.toContain(TOKEN);

		const again = await upload(root, ['--package', 'out/sky-blue/youtube'], env);
		expect(again.code).toBe(2);
		expect(again.stderr).toMatch(/already uploaded as https:\/\/youtu\.be\/vid1/);
	}, 60_000);

	it('sets the thumbnail and captions too; a run stopped before the captions is finished by the next one', async () => {
		const { root, pkg } = await makePackage();
		const cover = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(10_000)]);
		await writeFile(path.join(pkg, 'cover.jpg'), cover);
		await writeFile(path.join(pkg, 'captions.srt'), '1\n00:00:00,000 --> 00:00:01,000\nHi\n');
		const metadata = JSON.parse(await readFile(path.join(pkg, 'metadata.json'), 'utf8')) as object;
		await writeFile(path.join(pkg, 'metadata.json'), JSON.stringify({ ...metadata, language: 'fr' }));
		const env = { ...baseEnv, YOUTUBE_ACCESS_TOKEN: TOKEN, YOUTUBE_UPLOAD_URL: fake.url };

		fake.fail('captions', { kind: 'status', status: 403 });
		const stopped = await upload(root, ['--package', 'out/sky-blue/youtube'], env);
		expect(stopped.code).toBe(1);
		expect(stopped.stderr).toMatch(/youtube\.force-ssl/);
		expect(fake.thumbnails.get('vid1')!.equals(cover)).toBe(true);

		const before = fake.requests.length;
		const resumed = await upload(root, ['--package', 'out/sky-blue/youtube', '--caption-language', 'en-GB'], env);
		expect(resumed.code).toBe(0);
		expect(resumed.stdout.trim()).toBe('https://youtu.be/vid1');
		expect(fake.requests.slice(before).map((r) => r.kind)).toEqual(['captions']);
		expect(fake.captions.map((c) => c.snippet.language)).toEqual(['en-GB']);
		expect(JSON.parse(await readFile(path.join(pkg, 'upload.json'), 'utf8'))).toMatchObject({
			videoId: 'vid1',
			thumbnail: {},
			captions: { id: 'cap1', language: 'en-GB' },
		});

		const again = await upload(root, ['--package', 'out/sky-blue/youtube'], env);
		expect(again.code).toBe(2);
		expect(again.stderr).toMatch(/already uploaded as https:\/\/youtu\.be\/vid1/);
		expect(stopped.stderr + resumed.stdout + resumed.stderr).not.toContain(TOKEN);
	}, 60_000);

	it('with a client id, secret and refresh token, gets an access token from the token endpoint; a refused refresh token exits 1 without secrets', async () => {
		const oauth = {
			clientId: 'client-123.apps.googleusercontent.com',
			clientSecret: 'GOCSPX-fake-client-secret',
			refreshToken: '1//fake-refresh-token-abcdef',
		};
		const server = await startFakeYoutube(TOKEN, oauth);
		try {
			const { root } = await makePackage();
			const env = {
				...baseEnv,
				YOUTUBE_CLIENT_ID: oauth.clientId,
				YOUTUBE_CLIENT_SECRET: oauth.clientSecret,
				YOUTUBE_REFRESH_TOKEN: oauth.refreshToken,
				YOUTUBE_TOKEN_URL: `${server.url}/token`,
				YOUTUBE_UPLOAD_URL: server.url,
			};
			const revoked = await upload(root, ['--package', 'out/sky-blue/youtube'], { ...env, YOUTUBE_REFRESH_TOKEN: '1//revoked-refresh-token-zzz' });
			expect(revoked.code).toBe(1);
			expect(revoked.stderr).toMatch(/refused the refresh token \(HTTP 400, invalid_grant/);
			expect(revoked.stderr).not.toContain('revoked-refresh-token');
			expect(server.requests.map((r) => r.kind)).toEqual(['token']);

			server.fail('token', { kind: 'status', status: 503 });
			const result = await upload(root, ['--package', 'out/sky-blue/youtube'], { ...env, YOUTUBE_ACCESS_TOKEN: 'ya29.stale-access-token-0000000000' });
			expect(result.code).toBe(0);
			expect(result.stdout.trim()).toBe('https://youtu.be/vid1');
			const [exchange, ...rest] = server.requests.slice(1).filter((r) => r.kind === 'token');
			expect(exchange!.headers['content-type']).toBe('application/x-www-form-urlencoded');
			expect(rest).toHaveLength(1);
			expect(server.requests.filter((r) => r.kind === 'start')[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
			const output = revoked.stdout + revoked.stderr + result.stdout + result.stderr + (await allText(root));
			for (const secret of [TOKEN, oauth.clientSecret, oauth.refreshToken]) expect(output).not.toContain(secret);
		} finally {
			await server.close();
		}
	}, 60_000);

	it('names the missing variables when only part of the refresh-token login is set (exit 2)', async () => {
		const { root } = await makePackage();
		const result = await upload(root, ['--package', 'out/sky-blue/youtube'], { ...baseEnv, YOUTUBE_CLIENT_ID: 'client-123', YOUTUBE_UPLOAD_URL: fake.url });
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/YOUTUBE_CLIENT_SECRET/);
		expect(result.stderr).toMatch(/YOUTUBE_REFRESH_TOKEN/);
		expect(fake.requests).toHaveLength(0);
	}, 60_000);

	it('a refused token exits 1 with a clear message and without the token', async () => {
		const { root, pkg } = await makePackage();
		const wrong = 'ya29.expired-TOKEN-zyxwvutsrq9876543210';
		const result = await upload(root, ['--package', 'out/sky-blue/youtube'], { ...baseEnv, YOUTUBE_ACCESS_TOKEN: wrong, YOUTUBE_UPLOAD_URL: fake.url });
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/refused the request \(HTTP 401/);
		expect(result.stderr).toMatch(/youtube\.upload/);
		expect(result.stdout + result.stderr).not.toContain(wrong);
		expect(await allText(pkg)).not.toContain(wrong);

		// a token that expires mid-upload: exit 1, and the next run (with a fresh token) resumes the session
		const env = { ...baseEnv, YOUTUBE_ACCESS_TOKEN: TOKEN, YOUTUBE_UPLOAD_URL: fake.url };
		fake.fail('chunk', { kind: 'pass' }, { kind: 'status', status: 401 });
		const stopped = await upload(root, ['--package', 'out/sky-blue/youtube', '--chunk-mb', '0.25'], env);
		expect(stopped.code).toBe(1);
		expect(stopped.stderr).toMatch(/stopped after 0\.3 of 1\.3 MB; run the same command again to resume/);
		const resumed = await upload(root, ['--package', 'out/sky-blue/youtube', '--chunk-mb', '0.25'], env);
		expect(resumed.code).toBe(0);
		expect(fake.requests.filter((r) => r.kind === 'start')).toHaveLength(2);
		expect(storedBytes('1')!.equals(video)).toBe(true);
	}, 60_000);
});
