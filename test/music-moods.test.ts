import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MUSIC_BED } from '../src/pipeline/audio/music-bed';
import { BEATS_PER_BAR, DEFAULT_MOOD, MUSIC_MOOD_NAMES, MUSIC_MOODS, loopSeconds, moodForStyle } from '../src/pipeline/audio/music-moods';
import { PROJECT_ROOT } from '../src/node/project-root';

describe('music moods: the table', () => {
	it('has a bed file for every mood: a whole number of bars lasting a multiple of 8 s', () => {
		for (const name of MUSIC_MOOD_NAMES) {
			const mood = MUSIC_MOODS[name];
			expect(mood.name).toBe(name);
			expect(existsSync(path.join(PROJECT_ROOT, mood.file)), mood.file).toBe(true);
			expect(Number.isInteger(mood.bars) && Number.isInteger(mood.bpm)).toBe(true);
			// whole seconds and whole AAC frames (1024 samples at 48 kHz): a multiple of 8 s
			expect(loopSeconds(mood) % 8, name).toBe(0);
			expect(loopSeconds(mood)).toBeGreaterThanOrEqual(30);
			expect(loopSeconds(mood)).toBeLessThanOrEqual(40);
			expect(loopSeconds(mood)).toBeCloseTo((mood.bars * BEATS_PER_BAR * 60) / mood.bpm, 9);
		}
		expect(new Set(MUSIC_MOOD_NAMES.map((n) => MUSIC_MOODS[n].file)).size).toBe(MUSIC_MOOD_NAMES.length);
	});

	it('keeps the old default bed as the default mood', () => {
		expect(DEFAULT_MOOD).toBe('calm');
		expect(DEFAULT_MUSIC_BED).toBe(path.join(PROJECT_ROOT, 'public/music/ambient-bed.m4a'));
	});
});

describe('moodForStyle', () => {
	const moodOf = (style: string | undefined) => moodForStyle(style).name;

	it('reads English keywords, as words and word starts, in any case', () => {
		expect(moodOf('upbeat electronic, 120 BPM')).toBe('upbeat');
		expect(moodOf('Soft ambient pads')).toBe('calm');
		expect(moodOf('relaxing piano')).toBe('calm');
		expect(moodOf('dark, tense strings')).toBe('dramatic');
		expect(moodOf('mellow lo-fi keys, 80 BPM')).toBe('lo-fi');
		expect(moodOf('chill hip hop beats')).toBe('lo-fi');
		expect(moodOf('epic orchestral trailer')).toBe('cinematic');
		// "pop" is a word of its own, not the start of "popcorn" or the end of "hip-pop"
		expect(moodOf('popcorn machine sounds')).toBe(DEFAULT_MOOD);
	});

	it('reads Chinese keywords anywhere in the text', () => {
		expect(moodOf('轻快')).toBe('upbeat');
		expect(moodOf('轻快的电子音乐')).toBe('upbeat');
		expect(moodOf('舒缓的钢琴')).toBe('calm');
		expect(moodOf('紧张悬疑')).toBe('dramatic');
		expect(moodOf('低保真 lofi 学习音乐')).toBe('lo-fi');
		expect(moodOf('史诗电影配乐')).toBe('cinematic');
	});

	it('takes the keyword that comes first when a style names two moods', () => {
		expect(moodOf('calm at first, then dramatic')).toBe('calm');
		expect(moodOf('dramatic, then calm')).toBe('dramatic');
	});

	it('takes the mood nearest a tempo when the style names only a tempo', () => {
		// calm and upbeat are both 120 BPM: a tie goes to the table's first, the default
		expect(moodOf('something at 118 bpm')).toBe('calm');
		expect(moodOf('70 BPM')).toBe('cinematic');
		expect(moodOf('88bpm')).toBe('lo-fi');
		expect(moodOf('100 bpm')).toBe('dramatic');
	});

	it('falls back to the default mood for an unknown or absent style', () => {
		expect(moodOf(undefined)).toBe(DEFAULT_MOOD);
		expect(moodOf('')).toBe(DEFAULT_MOOD);
		expect(moodOf('kazoo quartet')).toBe(DEFAULT_MOOD);
		expect(moodOf('未知风格')).toBe(DEFAULT_MOOD);
	});
});

describe('the examples', () => {
	it('use at least three different beds between them, by their music_style', () => {
		const examples = ['ai-tools-douyin.json', 'morning-routine-youtube.json', 'lighthouse-story-bilibili.json'].map(
			(name) => JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'examples', name), 'utf8')) as { music_style?: string },
		);
		const beds = new Set(examples.map((script) => moodForStyle(script.music_style).file));
		expect(beds.size).toBeGreaterThanOrEqual(3);
	});
});
