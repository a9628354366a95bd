import type { PlatformName } from '../schema/platforms';
import type { CaptionToken, SceneProps, SceneVideo, VideoProps } from '../schema/video-props';
import type { VideoScript } from '../schema/video-script';
import { clipVolume } from '../timeline/clip-audio';
import { estimateCaptions } from '../timeline/estimate-captions';
import { framesToMs, msToFrames, secondsToFrames } from '../timeline/frames';
import { fnv1a } from '../timeline/hash';
import { chooseMotion } from '../timeline/ken-burns';
import { pacedSceneSeconds } from '../timeline/pacing';
import { duckingKeyframes } from '../timeline/music-ducking';
import { sceneSlots, totalDurationInFrames } from '../timeline/scene-timeline';
import { TRANSITION_SECONDS, transitionFrames } from '../timeline/transition-timing';
import { videoTarget } from './video-target';
import { snapToMusic, type MusicOption } from './music-beat';

export type SceneClip = {
	readonly src: string;
	readonly durationMs: number;
	readonly width: number;
	readonly height: number;
	/** Where in the file the scene starts; 0 when absent. */
	readonly startMs?: number;
	/** Plays again from `startMs` when the scene outlasts it; otherwise its last frame holds. Default true. */
	readonly loop?: boolean;
	/** Default true: a stock clip's own sound rarely belongs under narration. */
	readonly muted?: boolean;
};

/** What the pipeline resolved for one scene. Anything missing is drawn or estimated instead. */
export type SceneAssets = {
	readonly image?: { readonly src: string };
	/** A clip instead of an image: the file's length and size, and how the scene plays it. */
	readonly video?: SceneClip;
	readonly audio?: { readonly src: string; readonly durationMs: number };
	/** Word timings of the audio, ms from its start, in the scene's own text. */
	readonly captions?: readonly CaptionToken[];
};

export type BuildPropsOptions = {
	readonly platform?: PlatformName;
	/** Keyed by scene_id. */
	readonly assets?: ReadonlyMap<number, SceneAssets>;
	/** A music bed already in the render's public folder; ducked under the narration; cuts snap to its beat when its bpm is known. */
	readonly music?: MusicOption;
};

/** A clip's props: its frames from the start point on, and its sound's gain under this scene's narration. */
const sceneVideo = (clip: SceneClip, captions: readonly CaptionToken[], sceneFrames: number, fps: number): SceneVideo => {
	const startMs = clip.startMs ?? 0;
	return {
		src: clip.src,
		width: clip.width,
		height: clip.height,
		// whole frames only: a last frame that starts after the file ends would show nothing
		durationInFrames: Math.max(1, Math.floor(((clip.durationMs - startMs) * fps) / 1000)),
		startFrom: msToFrames(startMs, fps),
		loop: clip.loop ?? true,
		muted: clip.muted ?? true,
		volume: clipVolume(captions, sceneFrames, fps),
	};
};

/** Captions of a silent scene end a little before the next scene starts covering it. */
const SILENT_TAIL_MS = 300;

/** The one place a script becomes composition props: exact frames, transitions, motion and word timings. */
export const buildProps = (script: VideoScript, options: BuildPropsOptions = {}): VideoProps => {
	const { platform, aspectRatio, fps, language, theme } = videoTarget(script, options.platform);
	const assetsOf = (id: number): SceneAssets => options.assets?.get(id) ?? {};

	const voicedFrames = script.scenes.map((scene, index) => {
		const audio = assetsOf(scene.scene_id).audio;
		if (!audio) return secondsToFrames(scene.duration, fps);
		const next = script.scenes[index + 1];
		const tail = next ? TRANSITION_SECONDS[next.transition] : 0;
		const seconds = pacedSceneSeconds(scene.duration, audio.durationMs / 1000, tail);
		return Math.max(secondsToFrames(seconds, fps), msToFrames(audio.durationMs, fps) + 1);
	});
	const frames = snapToMusic(voicedFrames, script.scenes, fps, options.music);

	const timed = script.scenes.map((scene, index) => ({
		durationInFrames: frames[index]!,
		transition: {
			name: scene.transition,
			durationInFrames: transitionFrames(scene.transition, fps, index === 0 ? null : frames[index - 1]!, frames[index]!),
		},
	}));
	const slots = sceneSlots(timed);

	const scenes: SceneProps[] = script.scenes.map((scene, index) => {
		const assets = assetsOf(scene.scene_id);
		const speechMs = framesToMs(slots[index]!.speechFrames, fps);
		const captions = assets.captions ?? estimateCaptions(scene.narration, language, assets.audio ? assets.audio.durationMs : speechMs - SILENT_TAIL_MS);
		return {
			id: scene.scene_id,
			...timed[index]!,
			motion: chooseMotion(scene),
			overlay: scene.text_overlay,
			narration: scene.narration,
			captions: [...captions],
			image: assets.image && !assets.video ? { src: assets.image.src } : null,
			video: assets.video ? sceneVideo(assets.video, captions, timed[index]!.durationInFrames, fps) : null,
			audio: assets.audio ? { src: assets.audio.src, durationInFrames: Math.max(1, msToFrames(assets.audio.durationMs, fps)) } : null,
			backdropSeed: fnv1a(`${scene.scene_id}:${scene.visual_description}`),
		};
	});

	const music = options.music
		? {
				src: options.music.src,
				durationInFrames: Math.max(1, msToFrames(options.music.durationMs, fps)),
				volume: duckingKeyframes(
					scenes.map((scene, index) => ({ startFrame: slots[index]!.startFrame, captions: scene.captions })),
					totalDurationInFrames(timed),
					fps,
				),
			}
		: null;

	return { title: script.title, platform, aspectRatio, fps, language, theme, scenes, music };
};
