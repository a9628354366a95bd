import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { assetSources, uploadAssets, type UploadLedger } from '../src/lambda/upload-assets';
import { InputError } from '../src/schema/input-error';
import { buildProps } from '../src/props/build-props';
import { videoPropsSchema, type VideoProps } from '../src/schema/video-props';
import { videoScriptSchema } from '../src/schema/video-script';
import { FakeLambdaClient } from './helpers/fake-lambda-client';
import { validScript } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';

const BUCKET = 'remotionlambda-useast1-fake';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let publicDir: string;
let props: VideoProps;

/** Two scenes that share one picture, a voice each, and a music bed: four distinct files. */
beforeEach(async () => {
	publicDir = await makeTempDir('reelsmith-assets-');
	const files: Record<string, string> = {
		'image/one.jpg': 'picture one',
		'voice/one.wav': 'voice one',
		'voice/two.wav': 'voice two',
		'music/bed.m4a': 'the bed',
	};
	for (const [name, body] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(publicDir, name)), { recursive: true });
		await writeFile(path.join(publicDir, name), body);
	}
	props = buildProps(videoScriptSchema.parse(validScript()), {
		assets: new Map([
			[1, { image: { src: 'image/one.jpg' }, audio: { src: 'voice/one.wav', durationMs: 2000 } }],
			[2, { image: { src: 'image/one.jpg' }, audio: { src: 'voice/two.wav', durationMs: 2500 } }],
		]),
		music: { src: 'music/bed.m4a', durationMs: 30000 },
	});
});

const upload = (client: FakeLambdaClient, ledger?: UploadLedger) =>
	uploadAssets({ client, region: 'us-east-1', bucketName: BUCKET, publicDir, props, ...(ledger ? { ledger } : {}) });

describe('assets to S3', () => {
	it('lists each file a video loads once', () => {
		expect(assetSources(props)).toEqual(['image/one.jpg', 'voice/one.wav', 'voice/two.wav', 'music/bed.m4a']);
	});

	it('uploads each file under its content hash and puts the URLs in validated props', async () => {
		const client = new FakeLambdaClient();
		const result = await upload(client);
		const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
		// sent concurrently: compare in key order
		expect((client.callsTo('putObject') as { key: string }[]).sort(byKey)).toEqual(
			[
				{ region: 'us-east-1', bucketName: BUCKET, key: `assets/${sha('picture one')}.jpg`, contentType: 'image/jpeg', bytes: 11 },
				{ region: 'us-east-1', bucketName: BUCKET, key: `assets/${sha('voice one')}.wav`, contentType: 'audio/wav', bytes: 9 },
				{ region: 'us-east-1', bucketName: BUCKET, key: `assets/${sha('voice two')}.wav`, contentType: 'audio/wav', bytes: 9 },
				{ region: 'us-east-1', bucketName: BUCKET, key: `assets/${sha('the bed')}.m4a`, contentType: 'audio/mp4', bytes: 7 },
			].sort(byKey),
		);
		const url = (key: string) => `https://${BUCKET}.s3.us-east-1.amazonaws.com/${key}`;
		expect(result.props.scenes.map((s) => [s.image?.src, s.audio?.src])).toEqual([
			[url(`assets/${sha('picture one')}.jpg`), url(`assets/${sha('voice one')}.wav`)],
			[url(`assets/${sha('picture one')}.jpg`), url(`assets/${sha('voice two')}.wav`)],
		]);
		expect(result.props.music?.src).toBe(url(`assets/${sha('the bed')}.m4a`));
		expect(videoPropsSchema.parse(result.props)).toEqual(result.props);
		// everything else is untouched
		expect({ ...result.props, scenes: [], music: null }).toEqual({ ...props, scenes: [], music: null });
		expect(result.props.scenes[1]!.audio!.durationInFrames).toBe(props.scenes[1]!.audio!.durationInFrames);
	});

	it('skips an asset that is already in the bucket', async () => {
		const client = new FakeLambdaClient();
		client.objects.set(`assets/${sha('voice one')}.wav`, new Uint8Array());
		const result = await upload(client);
		expect(client.callsTo('objectExists')).toHaveLength(4);
		expect((client.callsTo('putObject') as { key: string }[]).map((c) => c.key)).not.toContain(`assets/${sha('voice one')}.wav`);
		expect(client.callsTo('putObject')).toHaveLength(3);
		expect(result.assets.filter((a) => !a.uploaded).map((a) => a.src)).toEqual(['voice/one.wav']);

		const again = await upload(client);
		expect(client.callsTo('putObject')).toHaveLength(3);
		expect(again.assets.every((a) => !a.uploaded)).toBe(true);
		expect(again.props).toEqual(result.props);
	});

	it('asks S3 once per file in a batch, however many videos share it', async () => {
		const client = new FakeLambdaClient();
		const ledger: UploadLedger = new Map();
		await upload(client, ledger);
		await upload(client, ledger);
		expect(client.callsTo('objectExists')).toHaveLength(4);
		expect(client.callsTo('putObject')).toHaveLength(4);
	});

	it('rejects props that fail the schema, naming the field', async () => {
		const client = new FakeLambdaClient();
		client.objectUrlFor = ({ key }) => (key.endsWith('.m4a') ? '' : `https://example.test/${key}`);
		const error = await upload(client).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).problems).toEqual([{ path: 'music.src', message: 'asset src is empty' }]);
	});
});
