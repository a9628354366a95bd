import { buildProps } from '../../src/props/build-props';
import type { VideoProps } from '../../src/schema/video-props';
import { videoScriptSchema } from '../../src/schema/video-script';

/** Two short scripts, with estimated word timings (no voice), on 9:16 so that lines wrap. */
const zhScript = videoScriptSchema.parse({
	title: '短片',
	duration_target: 8,
	language: 'zh-CN',
	style: 'story',
	scenes: [
		{
			scene_id: 1,
			narration: '城市慢慢醒来。第一班地铁载着困倦的人们，穿过还没亮的隧道。',
			visual_description: 'v',
			duration: 5,
			text_overlay: '清晨',
			transition: 'fade_in',
		},
		{ scene_id: 2, narration: '咖啡的香气飘满街角。', visual_description: 'v', duration: 3, text_overlay: '咖啡', transition: 'slide_left' },
	],
});

const enScript = videoScriptSchema.parse({
	title: 'Short',
	duration_target: 8,
	language: 'en',
	style: 'story',
	scenes: [
		{
			scene_id: 1,
			narration: 'Your morning decides your day. Here are three habits --> that take minutes.',
			visual_description: 'v',
			duration: 5,
			text_overlay: 'Morning',
			transition: 'fade_in',
		},
		{ scene_id: 2, narration: 'Start with water.', visual_description: 'v', duration: 3, text_overlay: 'Water', transition: 'wipe_right' },
	],
});

export const CAPTIONED: Readonly<Record<'zh' | 'en', VideoProps>> = {
	zh: buildProps(zhScript, { platform: 'douyin' }),
	en: buildProps(enScript, { platform: 'douyin' }),
};
