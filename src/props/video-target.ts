import { aspectFor, sizeFor, type AspectRatio, type PlatformName } from '../schema/platforms';
import type { VideoScript } from '../schema/video-script';
import { detectLanguage } from '../timeline/language';
import { themeForStyle, type Theme } from './themes';

/** What one script becomes on one platform, before any asset: the shape and voice of the video. */
export type VideoTarget = {
	readonly platform: PlatformName;
	readonly aspectRatio: AspectRatio;
	readonly size: { readonly width: number; readonly height: number };
	/** BCP 47: the script's `language`, or detected from its narration. */
	readonly language: string;
	readonly fps: number;
	readonly theme: Theme;
};

type TargetScript = Pick<VideoScript, 'target_platform' | 'aspect_ratio' | 'language' | 'scenes' | 'fps' | 'style' | 'theme'>;

/**
 * The one place these per-video decisions are made; props, the asset stage, the dry run, the budget and Lambda
 * all ask here. The script's `aspect_ratio` is for its own `target_platform`; another platform gets its
 * preferred shape (aspectFor).
 */
export const videoTarget = (script: TargetScript, platform: PlatformName = script.target_platform): VideoTarget => {
	const aspectRatio = aspectFor(script, platform);
	return {
		platform,
		aspectRatio,
		size: sizeFor(platform, aspectRatio),
		language: script.language ?? detectLanguage(script.scenes.map((s) => s.narration).join('')),
		fps: script.fps,
		// the style's palette, with any colour the script gives itself over it
		theme: { ...themeForStyle(script.style), ...script.theme },
	};
};
