import { characterDescription, characterEntries } from '../../schema/characters';
import type { SceneScript, VideoScript } from '../../schema/video-script';

type Characters = Pick<VideoScript, 'characters'>;

/**
 * The characters a scene names, in the script's order: the one place that decides it. A name counts when it
 * appears in the scene's visual_description or narration; those scenes get the character's description in the
 * prompt and its reference picture.
 */
export const charactersIn = (scene: Pick<SceneScript, 'visual_description' | 'narration'>, script: Characters): string[] => {
	const text = `${scene.visual_description} ${scene.narration}`;
	return characterEntries(script)
		.filter(([name]) => text.includes(name))
		.map(([name]) => name);
};

/**
 * Seed §4.2: the locked style suffix goes on every prompt, and every character the scene names brings its
 * description along, so a face or a costume stays the same from scene to scene.
 */
export const imagePromptFor = (scene: SceneScript, script: Pick<VideoScript, 'style_prompt' | 'characters'>): string => {
	const characters = charactersIn(scene, script).map((name) => `${name}: ${characterDescription(script.characters![name]!)}`);
	return [scene.visual_description.trim(), ...characters, script.style_prompt?.trim()].filter(Boolean).join('. ');
};

/** The prompt of a character sheet: the character alone, so scenes can be drawn from it. */
export const characterSheetPrompt = (name: string, description: string, script: Pick<VideoScript, 'style_prompt'>): string =>
	[`character sheet of ${name}: ${description.trim()}, full body, front view, plain background`, script.style_prompt?.trim()].filter(Boolean).join('. ');

/** Tells an image model which input picture shows whom, so it draws each character as its picture shows. */
export const promptWithReferences = (prompt: string, names: readonly string[]): string =>
	names.length === 0
		? prompt
		: `${prompt}. Draw ${names.length === 1 ? names[0] : names.join(', ')} exactly as in the reference picture${names.length === 1 ? '' : 's'} (${names.map((name, i) => `image ${i + 1}: ${name}`).join(', ')}): same face, hair, clothes and colours`;
