import { InputError } from '../../../schema/input-error';
import type { Size } from '../../../schema/platforms';
import { closestGeneratedSize, sizeLabel } from '../fit/closest-size';

/**
 * SiliconFlow's text-to-image models and the `image_size` values each takes, copied from its API reference
 * page "创建图片生成请求" / "Image Generation" (`POST /images/generations`), read December 2026:
 *   - https://docs.siliconflow.cn/cn/api-reference/images/images-generations (api.siliconflow.cn): the
 *     recommended values "For Kolor model" and "For Qwen-Image model";
 *   - https://docs.siliconflow.com/api-reference/images/images-generations (api.siliconflow.com): the
 *     supported resolutions of black-forest-labs/FLUX.2-pro.
 * FLUX.1-schnell and FLUX.1-dev are no longer listed there, so they are not here; the Qwen-Image-Edit models
 * edit a given picture and take no `image_size`. When the docs change, change this table and nothing else.
 */
export const SILICONFLOW_IMAGE_SIZES: Readonly<Record<string, readonly string[]>> = {
	'Qwen/Qwen-Image': ['1328x1328', '1664x928', '928x1664', '1472x1140', '1140x1472', '1584x1056', '1056x1584'],
	'Kwai-Kolors/Kolors': ['1024x1024', '960x1280', '768x1024', '720x1440', '720x1280'],
	'black-forest-labs/FLUX.2-pro': ['512x512', '768x1024', '1024x768', '576x1024', '1024x576'],
};

/**
 * Sizes for a model the table does not know on a server that is not SiliconFlow's (a local vLLM/ComfyUI
 * bridge, another host of FLUX): the usual SDXL/FLUX buckets, multiples of 64 at about one megapixel.
 */
export const STANDARD_IMAGE_SIZES: readonly string[] = ['1024x1024', '768x1344', '1344x768'];

/** api.siliconflow.cn / api.siliconflow.com and their regional hosts (e.g. api.ap.siliconflow.com). */
export const isSiliconFlow = (baseURL: string): boolean => {
	try {
		return /(^|\.)siliconflow\.(cn|com)$/i.test(new URL(baseURL).hostname);
	} catch {
		return false;
	}
};

const parseSize = (label: string): Size => {
	const [width, height] = label.split('x').map(Number) as [number, number];
	return { width, height };
};

const allowedList = () =>
	Object.entries(SILICONFLOW_IMAGE_SIZES)
		.map(([model, sizes]) => `${model} (${sizes.join(', ')})`)
		.join('; ');

/**
 * The sizes `model` may be asked for. On SiliconFlow (`strict`) a model missing from the table is refused
 * before any request, naming the models and sizes the docs allow. Elsewhere the table is still used for the
 * models it knows, and any other name passes through with the standard sizes: another server's catalogue
 * is not ours to police, and it answers for itself with a 4xx.
 */
export const imageSizesFor = (model: string, strict: boolean): readonly string[] => {
	const known = SILICONFLOW_IMAGE_SIZES[model];
	if (known) return known;
	if (!strict) return STANDARD_IMAGE_SIZES;
	throw new InputError('environment', [
		{
			path: 'IMAGE_MODEL',
			message: `${model} is not a text-to-image model SiliconFlow documents; set IMAGE_MODEL to one of ${allowedList()}, or point IMAGE_BASE_URL at another server, which takes any model`,
		},
	]);
};

/** The allowed size whose aspect ratio is nearest `target`'s (ties: the larger), as `image_size` writes it. */
export const imageSizeFor = (target: Size, allowed: readonly string[]): string => sizeLabel(closestGeneratedSize(target, allowed.map(parseSize)));
