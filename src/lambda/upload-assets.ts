import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AwsRegion } from '@remotion/lambda/client';
import { mapLimited } from '../pipeline/assets/map-limited';
import { InputError } from '../schema/input-error';
import { problemsFromZod } from '../schema/problems';
import { videoPropsSchema, type VideoProps } from '../schema/video-props';
import type { LambdaClient } from './lambda-client';
import { contentTypeOf } from '../node/content-type';

export const ASSET_PREFIX = 'assets/';
const UPLOADS_AT_ONCE = 4;

const isUrl = (src: string) => /^https?:\/\//.test(src);

export type AssetUpload = { readonly src: string; readonly key: string; readonly url: string; readonly uploaded: boolean };

/** What one batch has already put in the bucket, so a bed or picture shared by many videos is handled once. */
export type UploadLedger = Map<string, Promise<AssetUpload>>;

export type UploadAssetsOptions = {
	readonly client: LambdaClient;
	readonly region: AwsRegion;
	readonly bucketName: string;
	/** The folder the props' `src`s are relative to: the asset cache. */
	readonly publicDir: string;
	readonly props: VideoProps;
	readonly ledger?: UploadLedger;
};

export type UploadedProps = { readonly props: VideoProps; readonly assets: readonly AssetUpload[] };

/** Every file a video loads: scene pictures, clips and voices, and the music bed. */
export const assetSources = (props: VideoProps): string[] => {
	const sources = props.scenes.flatMap((scene) => [scene.image?.src, scene.video?.src, scene.audio?.src]);
	return [...new Set([...sources, props.music?.src].filter((src): src is string => src !== undefined && !isUrl(src)))];
};

const uploadOne = async (options: UploadAssetsOptions, src: string): Promise<AssetUpload> => {
	const { client, region, bucketName } = options;
	const body = await readFile(path.join(options.publicDir, src));
	const ext = path.extname(src).slice(1).toLowerCase();
	const key = `${ASSET_PREFIX}${createHash('sha256').update(body).digest('hex')}${ext ? `.${ext}` : ''}`;
	const location = { region, bucketName, key };
	const exists = await client.objectExists(location);
	if (!exists) await client.putObject({ ...location, body, contentType: contentTypeOf(src) });
	return { src, key, url: await client.objectUrl(location), uploaded: !exists };
};

/**
 * Local cached assets → S3 under their content hash (an object already there is not sent again) → the same
 * props with URLs, checked with the schema local renders use.
 */
export const uploadAssets = async (options: UploadAssetsOptions): Promise<UploadedProps> => {
	const ledger: UploadLedger = options.ledger ?? new Map();
	const assets = await mapLimited(assetSources(options.props), UPLOADS_AT_ONCE, (src): Promise<AssetUpload> => {
		const id = path.resolve(options.publicDir, src);
		let upload = ledger.get(id);
		if (!upload) {
			upload = uploadOne(options, src);
			ledger.set(id, upload);
		}
		return upload;
	});
	const urlOf = new Map(assets.map((a) => [a.src, a.url]));
	const swap = <T extends { src: string }>(asset: T): T => ({ ...asset, src: urlOf.get(asset.src) ?? asset.src });
	const withUrls = {
		...options.props,
		scenes: options.props.scenes.map((scene) => ({
			...scene,
			image: scene.image && swap(scene.image),
			video: scene.video && swap(scene.video),
			audio: scene.audio && swap(scene.audio),
		})),
		music: options.props.music && swap(options.props.music),
	};
	const parsed = videoPropsSchema.safeParse(withUrls);
	if (!parsed.success) throw new InputError('Lambda props', problemsFromZod(parsed.error));
	return { props: parsed.data, assets };
};
