import type { VideoProps } from '../../schema/video-props';
import type { VideoScript } from '../../schema/video-script';
import type { SceneSources } from '../assets/resolve-assets';

/** summary.json `scenes`: scripted against final length, and which provider voiced and drew each scene. */
export const sceneReport = (script: VideoScript, props: VideoProps, sources: Map<number, SceneSources>) =>
	script.scenes.map((scene, index) => ({
		scene_id: scene.scene_id,
		scripted_seconds: scene.duration,
		final_seconds: Number((props.scenes[index]!.durationInFrames / props.fps).toFixed(3)),
		voice_seconds: props.scenes[index]!.audio ? Number((props.scenes[index]!.audio!.durationInFrames / props.fps).toFixed(3)) : null,
		voice: sources.get(scene.scene_id)?.voice ?? null,
		image: sources.get(scene.scene_id)?.image ?? null,
	}));
