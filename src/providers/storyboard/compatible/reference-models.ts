import type { CharacterReference } from '../storyboard-provider';

/**
 * Models whose `POST /images/generations` takes an input picture in `image`, from SiliconFlow's API reference
 * "创建图片生成请求" (https://docs.siliconflow.cn/cn/api-reference/images/images-generations): "The image used for
 * uploading an image can be in base64 format or a URL", shown with `"model": "Kwai-Kolors/Kolors"` and
 * `"image": "data:image/png;base64, XXX"`. Only models that also draw from a prompt alone are listed: the
 * Qwen-Image-Edit models take `image` (and `image2`, `image3`) too, but need one for every picture and take no
 * `image_size`, while this provider also draws scenes without characters. One picture is sent, so a scene naming
 * several characters is drawn from the first one's. When the docs change, change this table.
 */
export const REFERENCE_IMAGE_MODELS: ReadonlySet<string> = new Set(['Kwai-Kolors/Kolors']);

export const takesReferenceImage = (model: string): boolean => REFERENCE_IMAGE_MODELS.has(model);

const MIME_TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;

/** The `image` field: the picture as a base64 data URI. */
export const referenceDataUri = (reference: CharacterReference): string =>
	`data:${MIME_TYPES[reference.extension]};base64,${Buffer.from(reference.image).toString('base64')}`;
