import type { PlatformName } from '../../schema/platforms';
import { videoScriptSchema, type VideoScript } from '../../schema/video-script';
import { detectLanguage } from '../../timeline/language';

/** Speaking rates used to size a script that does not exist yet. */
const CHINESE_CHARS_PER_SECOND = 4.5;
const ENGLISH_WORDS_PER_SECOND = 2.5;
const SCENE_SECONDS = 8;

/**
 * A stand-in script of the right size for a topic an LLM has not written yet, so `--dry-run` can price
 * the voice and images: one scene per 8 s of the target, narration of the length people speak in that time.
 */
export const placeholderScript = (topic: string, durationSeconds: number, platform: PlatformName): VideoScript => {
	const chinese = detectLanguage(topic).startsWith('zh');
	const count = Math.max(1, Math.round(durationSeconds / SCENE_SECONDS));
	const seconds = durationSeconds / count;
	const narration = chinese
		? '字'.repeat(Math.round(seconds * CHINESE_CHARS_PER_SECOND))
		: Array.from({ length: Math.round(seconds * ENGLISH_WORDS_PER_SECOND) }, () => 'word').join(' ');
	return videoScriptSchema.parse({
		title: topic,
		duration_target: durationSeconds,
		target_platform: platform,
		language: chinese ? 'zh-CN' : 'en',
		scenes: Array.from({ length: count }, (_, i) => ({
			scene_id: i + 1,
			narration,
			visual_description: `${topic} (scene ${i + 1}, not written yet)`,
			duration: Math.min(120, Math.max(1, Number(seconds.toFixed(1)))),
		})),
	});
};
