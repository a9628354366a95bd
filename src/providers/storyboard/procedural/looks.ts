import { earliestFamily, findKeywords, keywordSet, type KeywordSet } from './keywords';

export type TimeOfDay = 'dusk' | 'golden' | 'night' | 'day';

/** How the style prompt (and the scene prompt) asks the picture to look. */
export type Look = {
	readonly time: TimeOfDay;
	readonly temperature: 'neutral' | 'warm' | 'cool';
	readonly tone: 'normal' | 'bright' | 'dark';
	readonly watercolor: boolean;
	readonly neon: boolean;
	readonly ink: boolean;
	readonly pastel: boolean;
	readonly minimal: boolean;
	readonly retro: boolean;
};

const TIMES: Readonly<Record<Exclude<TimeOfDay, 'dusk'>, KeywordSet>> = {
	night: keywordSet('night', 'nights', 'midnight', 'nighttime', 'moon', 'moonlit', 'moonlight', 'starry', '夜', '月光', '月亮', '深夜', '晚上', '星空'),
	golden: keywordSet(
		'sunset',
		'sunrise',
		'dusk',
		'dawn',
		'golden hour',
		'golden light',
		'twilight',
		'黄昏',
		'日落',
		'夕阳',
		'日出',
		'晨曦',
		'傍晚',
		'落日',
		'朝霞',
		'晚霞',
	),
	day: keywordSet('day', 'daytime', 'daylight', 'sunny', 'morning', 'noon', 'blue sky', '白天', '阳光', '晴', '清晨', '早晨', '早上', '蓝天', '中午'),
};

const WARM = keywordSet('warm', 'warm tones', 'cozy', 'cosy', 'amber', 'golden', 'autumn', '暖', '金色', '温馨', '秋');
const COOL = keywordSet('cool', 'cold', 'icy', 'winter', 'frost', 'blue hour', '冷色', '冷调', '冰雪', '冬', '蓝调', '清冷');
const BRIGHT = keywordSet('bright', 'airy', 'light and airy', 'high key', 'fresh', '明亮', '清新', '通透', '高调');
const DARK = keywordSet('dark', 'moody', 'noir', 'low key', 'gloomy', '暗调', '暗黑', '昏暗', '阴暗', '阴郁', '压抑');
const WATERCOLOR = keywordSet('watercolor', 'watercolour', 'aquarelle', 'gouache', 'painterly', 'hand-drawn', 'hand drawn', '水彩', '手绘', '绘本');
const NEON = keywordSet('neon', 'cyberpunk', 'synthwave', 'vaporwave', 'cyber', '霓虹', '赛博朋克', '赛博', '荧光');
const INK = keywordSet('ink', 'ink wash', 'sumi-e', 'sumi', 'brush painting', 'chinese painting', '水墨', '国风', '国画', '山水画', '中国风', /墨(?![镜西])/);
const PASTEL = keywordSet('pastel', 'pastels', 'macaron', 'candy', 'soft colors', 'soft colours', 'morandi', '马卡龙', '粉彩', '莫兰迪', '糖果', '柔和');
const MINIMAL = keywordSet('minimal', 'minimalist', 'minimalism', 'clean', 'simple', 'flat', '极简', '简约', '简洁', '干净', '留白');
const RETRO = keywordSet(
	'retro',
	'vintage',
	'film grain',
	'film photo',
	'35mm',
	'analog',
	'analogue',
	'80s',
	'90s',
	'nostalgic',
	'polaroid',
	'复古',
	'胶片',
	'怀旧',
	'老照片',
	'年代',
);

const has = (text: string, set: KeywordSet) => findKeywords(text, set).count > 0;

/** The style prompt comes first in the text so its time of day wins over the scene's. */
export const detectLook = (stylePrompt: string, prompt: string): Look => {
	const text = `${stylePrompt}\n${prompt}`;
	const warm = findKeywords(text, WARM);
	const cool = findKeywords(text, COOL);
	const bright = findKeywords(text, BRIGHT);
	const dark = findKeywords(text, DARK);
	return {
		time: earliestFamily(text, TIMES) ?? 'dusk',
		temperature: warm.count === 0 && cool.count === 0 ? 'neutral' : warm.first <= cool.first ? 'warm' : 'cool',
		tone: bright.count === 0 && dark.count === 0 ? 'normal' : bright.first <= dark.first ? 'bright' : 'dark',
		watercolor: has(text, WATERCOLOR),
		neon: has(text, NEON),
		ink: has(text, INK),
		pastel: has(text, PASTEL),
		minimal: has(text, MINIMAL),
		retro: has(text, RETRO),
	};
};
