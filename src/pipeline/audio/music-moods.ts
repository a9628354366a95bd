/**
 * The project's own music beds, one per mood, all synthesised by scripts/make-music-bed.ts (CC0). Each loops
 * seamlessly and lasts a whole number of 4/4 bars at its tempo, so the beat grid runs on unbroken across the
 * loop: beat k of the video is at k · 60 / bpm seconds. Each also lasts a multiple of 8 s: whole seconds (whole
 * frames at 24, 25, 30 and 60 fps) and whole AAC frames of 1024 samples at 48 kHz, so the encoded file ends exactly
 * where the loop does (a last partial AAC frame would add silence to every loop and shift the beat).
 */
export const MUSIC_MOOD_NAMES = ['calm', 'upbeat', 'dramatic', 'lo-fi', 'cinematic'] as const;
export type MusicMoodName = (typeof MUSIC_MOOD_NAMES)[number];

export type MusicMood = {
	readonly name: MusicMoodName;
	/** Relative to the project root. */
	readonly file: string;
	readonly bpm: number;
	readonly bars: number;
	/** Lower case; matched as words (English, with plain endings) or anywhere (Chinese) in the script's `music_style`. */
	readonly keywords: readonly string[];
};

export const BEATS_PER_BAR = 4;

export const MUSIC_MOODS: Readonly<Record<MusicMoodName, MusicMood>> = {
	calm: {
		name: 'calm',
		file: 'public/music/ambient-bed.m4a',
		bpm: 120,
		bars: 16,
		keywords: [
			'calm',
			'ambient',
			'soft',
			'gentle',
			'relax',
			'peaceful',
			'quiet',
			'soothing',
			'serene',
			'meditation',
			'meditative',
			'acoustic',
			'warm',
			'平静',
			'安静',
			'舒缓',
			'轻柔',
			'放松',
			'温柔',
			'宁静',
			'柔和',
			'氛围',
			'治愈',
		],
	},
	upbeat: {
		name: 'upbeat',
		file: 'public/music/upbeat-bed.m4a',
		bpm: 120,
		bars: 16,
		keywords: [
			'upbeat',
			'happy',
			'energetic',
			'energy',
			'cheerful',
			'pop',
			'electronic',
			'dance',
			'fun',
			'bright',
			'edm',
			'house',
			'fast',
			'lively',
			'轻快',
			'欢快',
			'活泼',
			'动感',
			'明快',
			'快乐',
			'欢乐',
			'电子',
			'节奏感',
			'活力',
		],
	},
	dramatic: {
		name: 'dramatic',
		file: 'public/music/dramatic-bed.m4a',
		bpm: 96,
		bars: 16,
		keywords: [
			'dramatic',
			'drama',
			'tense',
			'tension',
			'suspense',
			'dark',
			'intense',
			'thriller',
			'urgent',
			'action',
			'mystery',
			'戏剧',
			'紧张',
			'激烈',
			'悬疑',
			'震撼',
			'黑暗',
			'神秘',
			'危机',
		],
	},
	'lo-fi': {
		name: 'lo-fi',
		file: 'public/music/lofi-bed.m4a',
		bpm: 90,
		bars: 12,
		keywords: [
			'lo-fi',
			'lofi',
			'lo fi',
			'chill',
			'hip hop',
			'hip-hop',
			'hiphop',
			'jazz',
			'mellow',
			'study',
			'vinyl',
			'cozy',
			'coffee',
			'低保真',
			'爵士',
			'慵懒',
			'学习',
			'咖啡',
			'复古',
			'惬意',
		],
	},
	cinematic: {
		name: 'cinematic',
		file: 'public/music/cinematic-bed.m4a',
		bpm: 72,
		bars: 12,
		keywords: [
			'cinematic',
			'film',
			'movie',
			'orchestral',
			'orchestra',
			'epic',
			'inspiring',
			'inspirational',
			'uplifting',
			'trailer',
			'documentary',
			'strings',
			'grand',
			'heroic',
			'电影',
			'史诗',
			'宏大',
			'壮丽',
			'大气',
			'磅礴',
			'励志',
			'纪录片',
			'管弦',
		],
	},
};

/** The bed of a script that names no mood we know, or none at all. */
export const DEFAULT_MOOD: MusicMoodName = 'calm';

export const loopSeconds = (mood: MusicMood): number => (mood.bars * BEATS_PER_BAR * 60) / mood.bpm;

const isAscii = (text: string) => /^[\x20-\x7e]+$/.test(text);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Endings an English keyword may take and still be itself: "relax" finds "relaxing", "pop" not "popcorn". */
const ENDINGS = '(?:s|es|ed|ing|y|ly|al)?';

/** Where a keyword first occurs in the style, or -1: English keywords as words, Chinese ones anywhere. */
const firstIndex = (style: string, keyword: string): number => {
	if (!isAscii(keyword)) return style.indexOf(keyword);
	return new RegExp(`(?<![a-z])${escape(keyword)}${ENDINGS}(?![a-z])`).exec(style)?.index ?? -1;
};

/**
 * The mood a script's `music_style` asks for: the mood whose keyword comes first in it ("upbeat electronic",
 * "轻快的电子乐"), else the mood nearest a tempo it names ("90 BPM"; a tie goes to the first in the table), else the
 * default.
 */
export const moodForStyle = (style: string | undefined): MusicMood => {
	const text = (style ?? '').toLowerCase();
	let best: { mood: MusicMood; at: number } | null = null;
	for (const mood of Object.values(MUSIC_MOODS)) {
		for (const keyword of mood.keywords) {
			const at = firstIndex(text, keyword);
			if (at >= 0 && (!best || at < best.at)) best = { mood, at };
		}
	}
	if (best) return best.mood;
	const bpm = /(\d{2,3})\s*bpm/.exec(text);
	if (bpm) {
		const wanted = Number(bpm[1]);
		return Object.values(MUSIC_MOODS).reduce((a, b) => (Math.abs(b.bpm - wanted) < Math.abs(a.bpm - wanted) ? b : a));
	}
	return MUSIC_MOODS[DEFAULT_MOOD];
};
