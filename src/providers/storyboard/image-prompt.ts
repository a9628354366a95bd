import type { SceneScript, VideoScript } from '../../schema/video-script';

/**
 * Seed §4.2: the locked style suffix goes on every prompt, and every character the scene names brings its
 * description along, so a face or a costume stays the same from scene to scene.
 */
export const imagePromptFor = (scene: SceneScript, script: Pick<VideoScript, 'style_prompt' | 'characters'>): string => {
	const text = `${scene.visual_description} ${scene.narration}`;
	const characters = Object.entries(script.characters ?? {})
		.filter(([name]) => text.includes(name))
		.map(([name, description]) => `${name}: ${description}`);
	return [scene.visual_description.trim(), ...characters, script.style_prompt?.trim()].filter(Boolean).join('. ');
};
