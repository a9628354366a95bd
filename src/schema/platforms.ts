import { oneOf } from './one-of';

export const PLATFORM_NAMES = ['douyin', 'bilibili', 'youtube'] as const;
export type PlatformName = (typeof PLATFORM_NAMES)[number];
export const platformNameSchema = oneOf(PLATFORM_NAMES, 'platform');

export const ASPECT_RATIOS = ['9:16', '16:9', '1:1'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export const aspectRatioSchema = oneOf(ASPECT_RATIOS, 'aspect ratio');

export type Size = { readonly width: number; readonly height: number };

export const ASPECT_SIZES: Readonly<Record<AspectRatio, Size>> = {
	'9:16': { width: 1080, height: 1920 },
	'16:9': { width: 1920, height: 1080 },
	'1:1': { width: 1080, height: 1080 },
};

export type PlatformSpec = {
	readonly preferredAspect: AspectRatio;
	readonly maxDurationSeconds: number;
};

/** Seed §6.1 / DESIGN.md §7. */
export const PLATFORMS: Readonly<Record<PlatformName, PlatformSpec>> = {
	douyin: { preferredAspect: '9:16', maxDurationSeconds: 600 },
	bilibili: { preferredAspect: '16:9', maxDurationSeconds: 3600 },
	youtube: { preferredAspect: '16:9', maxDurationSeconds: 43200 },
};

export const sizeFor = (platform: PlatformName, aspect?: AspectRatio): Size =>
	ASPECT_SIZES[aspect ?? PLATFORMS[platform].preferredAspect];
