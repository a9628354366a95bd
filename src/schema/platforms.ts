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
	/** Of ours, the aspect ratios the platform takes natively. */
	readonly aspects: readonly AspectRatio[];
	readonly maxDurationSeconds: number;
	readonly maxFileBytes: number;
	/** The cover or thumbnail the platform shows before the video plays. */
	readonly coverSize: Size;
};

const GB = 2 ** 30;

/** What each platform takes: the shapes it shows natively, the longest video, the largest file, the cover it wants. */
export const PLATFORMS: Readonly<Record<PlatformName, PlatformSpec>> = {
	douyin: {
		preferredAspect: '9:16',
		aspects: ['9:16', '16:9', '1:1'],
		maxDurationSeconds: 600,
		maxFileBytes: 4 * GB,
		coverSize: { width: 1080, height: 1920 },
	},
	bilibili: { preferredAspect: '16:9', aspects: ['16:9'], maxDurationSeconds: 3600, maxFileBytes: 8 * GB, coverSize: { width: 1920, height: 1080 } },
	youtube: { preferredAspect: '16:9', aspects: ['16:9', '9:16'], maxDurationSeconds: 43200, maxFileBytes: 256 * GB, coverSize: { width: 1280, height: 720 } },
};

export const sizeFor = (platform: PlatformName, aspect?: AspectRatio): Size => ASPECT_SIZES[aspect ?? PLATFORMS[platform].preferredAspect];

/**
 * The aspect a platform's video gets: the script's `aspect_ratio` applies to its own `target_platform`; every
 * other platform gets its preferred aspect (one script, native videos everywhere).
 */
export const aspectFor = (
	script: { readonly target_platform: PlatformName; readonly aspect_ratio?: AspectRatio | undefined },
	platform: PlatformName,
): AspectRatio => (platform === script.target_platform && script.aspect_ratio ? script.aspect_ratio : PLATFORMS[platform].preferredAspect);
