import type { PlatformName } from '../../../schema/platforms';
import type { VideoScriptInput } from '../../../schema/video-script';
import { detectLanguage } from '../../../timeline/language';
import type { LlmScript } from './llm-script-schema';

/** What the request fixed; it wins over whatever the model echoed back. */
export type ScriptFrame = {
	readonly targetSeconds?: number;
	readonly style?: string;
	readonly platform: PlatformName;
	readonly language?: string;
};

const BCP47 = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const nonEmpty = (value: string | null) => (value !== null && value.trim() !== '' ? value.trim() : undefined);

/**
 * The model's answer as our script file. Scenes are renumbered 1, 2, 3 so ids never clash; a language tag
 * the model got wrong ("Chinese", "zh_CN") is replaced by detection rather than costing a repair round.
 */
export const toVideoScriptInput = (llm: LlmScript, frame: ScriptFrame): VideoScriptInput => {
	const modelLanguage = nonEmpty(llm.language);
	const language =
		frame.language ?? (modelLanguage && BCP47.test(modelLanguage) ? modelLanguage : detectLanguage(llm.scenes.map((s) => s.narration).join('\n')));
	const musicStyle = nonEmpty(llm.music_style);
	const stylePrompt = nonEmpty(llm.style_prompt);
	return {
		title: llm.title,
		duration_target: frame.targetSeconds ?? llm.duration_target,
		style: frame.style ?? (nonEmpty(llm.style) || 'informative'),
		scenes: llm.scenes.map((scene, index) => ({
			scene_id: index + 1,
			narration: scene.narration,
			visual_description: scene.visual_description,
			duration: scene.duration,
			text_overlay: scene.text_overlay,
			transition: scene.transition,
		})),
		...(musicStyle ? { music_style: musicStyle } : {}),
		target_platform: frame.platform,
		language,
		...(stylePrompt ? { style_prompt: stylePrompt } : {}),
	};
};
