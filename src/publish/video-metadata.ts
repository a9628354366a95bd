import { sizeFor, type PlatformName } from '../schema/platforms';
import type { VideoProps } from '../schema/video-props';
import type { VideoScript } from '../schema/video-script';
import { totalDurationInFrames } from '../timeline/scene-timeline';
import { withCredits, type SceneCredit } from './credits';

export type VideoMetadata = {
	readonly platform: PlatformName;
	readonly title: string;
	readonly description: string;
	readonly tags: readonly string[];
	readonly hashtags: readonly string[];
	readonly duration_seconds: number;
	readonly resolution: string;
	readonly width: number;
	readonly height: number;
	readonly fps: number;
	readonly aspect_ratio: string;
	/** A half-size preview (`--draft`), not for upload. */
	readonly draft: boolean;
	/** Stock footage and photos in the video, per scene; only when there are any. Also at the end of the description. */
	readonly credits?: readonly SceneCredit[];
};

/** The frame size the encoder actually wrote, which is smaller than the platform's for a draft. */
export type EncodedVideo = { readonly width: number; readonly height: number; readonly draft: boolean };

/** The platform's own size: what a final render encodes. */
export const finalEncoding = (props: VideoProps): EncodedVideo => ({ ...sizeFor(props.platform, props.aspectRatio), draft: false });

/** YouTube cuts titles at 100 characters; the others allow about as much. */
const MAX_TITLE = 100;
const MAX_TAGS = 10;

const clip = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);

/**
 * metadata.json of a package: what an upload form asks for, and the size the video was encoded at.
 * Tags are the scenes' overlays (the video's key phrases) and its style; the description opens with the
 * first scene's narration, then the hashtags, then the credits of any stock footage.
 */
export const videoMetadata = (script: VideoScript, props: VideoProps, encoded: EncodedVideo, credits: readonly SceneCredit[] = []): VideoMetadata => {
	const { width, height, draft } = encoded;
	const tags = [...new Set([...script.scenes.map((s) => s.text_overlay.trim()), script.style.trim()].filter((t) => t !== ''))].slice(0, MAX_TAGS);
	const hashtags = tags.map((t) => `#${t.replace(/[\s#]+/gu, '')}`);
	const opening = script.scenes[0]?.narration.trim() ?? '';
	return {
		platform: props.platform,
		title: clip(script.title, MAX_TITLE),
		description: withCredits([opening, hashtags.join(' ')].filter(Boolean).join('\n\n'), credits, props.platform),
		tags,
		hashtags,
		duration_seconds: Number((totalDurationInFrames(props.scenes) / props.fps).toFixed(3)),
		resolution: `${width}x${height}`,
		width,
		height,
		fps: props.fps,
		aspect_ratio: props.aspectRatio,
		draft,
		...(credits.length > 0 ? { credits } : {}),
	};
};
