import { keywordSet, strongestFamily, type KeywordSet } from './keywords';

export const MOTIF_NAMES = ['city', 'sea', 'mountain', 'tech', 'bokeh', 'space', 'forest', 'abstract'] as const;
export type MotifName = (typeof MOTIF_NAMES)[number];

const FAMILIES: Readonly<Record<Exclude<MotifName, 'abstract'>, KeywordSet>> = {
	city: keywordSet(
		'city', 'cities', 'skyline', 'urban', 'street', 'streets', 'downtown', 'building', 'buildings', 'skyscraper',
		'skyscrapers', 'rooftop', 'rooftops', 'metropolis', 'town', 'traffic', 'subway', 'neighborhood',
		'城市', '都市', '街', '高楼', '大楼', '楼房', '天际线', '屋顶', '市区', '夜景', '地铁', '马路', '城',
	),
	sea: keywordSet(
		'sea', 'ocean', 'oceans', 'wave', 'waves', 'beach', 'coast', 'shore', 'surf', 'lake', 'river', 'island', 'harbor',
		'harbour', 'sail', 'sailing', 'boat', 'underwater', 'tide',
		/(?<!上)海(?![报量外拔鲜关])/, '浪', '沙滩', '湖', '江', '河', '岛', '港', '潮', '帆',
	),
	mountain: keywordSet(
		'mountain', 'mountains', 'hill', 'hills', 'peak', 'peaks', 'valley', 'cliff', 'canyon', 'ridge', 'alps', 'hike',
		'hiking', 'summit', 'landscape', 'highland', 'volcano', 'desert', 'dune', 'dunes',
		/山(?![寨东西])/, '峰', '峡谷', '高原', '登山', '徒步', '悬崖', '山水', '沙漠', '风景',
	),
	tech: keywordSet(
		'tech', 'technology', 'ai', 'code', 'coding', 'programming', 'software', 'data', 'algorithm', 'computer', 'laptop',
		'digital', 'robot', 'network', 'chip', 'server', 'app', 'apps', 'monitor', 'screen', 'smartphone', 'startup',
		'automation', 'machine learning', 'neural', 'cyber', 'internet', 'blockchain', 'crypto', 'dashboard', 'analytics',
		'科技', '数据', '代码', '编程', '人工智能', '智能', '算法', '电脑', '网络', '芯片', '数字',
		'机器人', '互联网', '程序', '软件', '屏幕', '手机', '大模型', '工具', '效率',
	),
	bokeh: keywordSet(
		'food', 'coffee', 'cafe', 'café', 'tea', 'mug', 'cup', 'kitchen', 'cook', 'cooking', 'bake', 'baking', 'bread',
		'restaurant', 'dinner', 'breakfast', 'lunch', 'meal', 'latte', 'wine', 'candle', 'candles', 'cozy', 'bar', 'party',
		'lights', 'festival', 'christmas', 'dessert', 'cake',
		'咖啡', '美食', '茶', '厨房', '做饭', '烘焙', '面包', '餐', '早餐', '晚餐', '午餐', '甜点', '蛋糕',
		/酒(?!店)/, '火锅', '奶茶', '温馨', '烛光', '灯光', '派对', '节日', '吃',
	),
	space: keywordSet(
		'space', 'galaxy', 'galaxies', 'star', 'stars', 'starry', 'universe', 'cosmos', 'cosmic', 'planet', 'planets',
		'nebula', 'astronaut', 'rocket', 'orbit', 'satellite', 'milky way', 'astronomy', 'moon',
		'星空', '宇宙', '太空', '银河', '星系', '行星', '星球', '火箭', '宇航员', '月球', '卫星', '星星',
		'星河', '天文',
	),
	forest: keywordSet(
		'nature', 'forest', 'forests', 'tree', 'trees', 'wood', 'woods', 'woodland', 'jungle', 'garden', 'plant', 'plants',
		'leaf', 'leaves', 'flower', 'flowers', 'park', 'meadow', 'field', 'grass', 'moss', 'fern', 'botanical', 'succulent',
		'spring', 'bloom', 'green', 'outdoors', 'camping',
		'自然', '森林', '树', '植物', '叶', /花(?![钱费了时])/, /草(?![稿案])/, '公园', '田野', '绿', '春',
		'露营', '户外', '盆栽',
	),
};

/** The subject the prompt talks about most, else abstract shapes. */
export const chooseMotif = (prompt: string): MotifName => strongestFamily(prompt, FAMILIES) ?? 'abstract';
