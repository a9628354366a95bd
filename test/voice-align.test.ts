import { describe, expect, it } from 'vitest';
import { alignChars } from '../src/providers/voice/align/align-chars';
import { alignSpokenWords, type SpokenWord } from '../src/providers/voice/align/align-spoken-words';
import { estimateWordTimings } from '../src/providers/voice/align/estimate-word-timings';
import { normalizeChars } from '../src/providers/voice/align/normalize-chars';
import { timeFromSpoken } from '../src/providers/voice/align/time-from-spoken';
import { timeTokens } from '../src/providers/voice/align/time-tokens';
import { mp3DurationMs } from '../src/providers/voice/audio/mp3-duration';
import { readWav } from '../src/providers/voice/audio/read-wav';
import type { VoiceResult, WordTiming } from '../src/providers/voice/voice-provider';
import { expectScriptWords, silentMp3, toneWav } from './helpers/voice-audio';

const words = (...entries: [string, number, number][]): SpokenWord[] => entries.map(([text, startMs, endMs]) => ({ text, startMs, endMs }));
const asResult = (timed: WordTiming[]) => ({ words: timed }) as unknown as VoiceResult;
const find = (timed: readonly WordTiming[], text: string) => timed.find((w) => w.text === text)!;

describe('normalizeChars', () => {
	it('keeps letters and digits, folded: width, case, traditional characters, Chinese digits', () => {
		expect(normalizeChars('ＡＢＣ，Hello! 寫了代碼')).toEqual(['a', 'b', 'c', 'h', 'e', 'l', 'l', 'o', '写', '了', '代', '码']);
		expect(normalizeChars('二〇二四年 2024年')).toEqual(['2', '0', '2', '4', '年', '2', '0', '2', '4', '年']);
		expect(normalizeChars('“。、—…%')).toEqual([]);
	});
});

describe('alignChars', () => {
	it('pairs matches and substitutions, and leaves insertions unpaired', () => {
		const pairing = alignChars([...'abcdef'], [...'abxdf'])!;
		expect([...pairing.pairs]).toEqual([0, 1, 2, 3, -1, 4]);
		expect(pairing.matches).toBe(4);
	});
});

describe('alignSpokenWords', () => {
	it("gives English tokens the recogniser's times, whatever its punctuation and case", () => {
		const text = "Well, it's 9 a.m. — time to go!";
		const spoken = words(
			['well', 100, 300],
			["It's", 350, 500],
			['9', 500, 700],
			['AM', 700, 900],
			['time', 1000, 1200],
			['to', 1200, 1300],
			['go', 1300, 1600],
		);
		const { words: timed, matchedShare } = alignSpokenWords({ text, language: 'en', spoken, durationMs: 2000 });
		expect(matchedShare).toBe(1);
		expectScriptWords({ text, language: 'en' }, asResult(timed), 2000);
		expect(find(timed, 'Well,')).toEqual({ text: 'Well,', startMs: 100, endMs: 300 });
		expect(find(timed, ' go!')).toEqual({ text: ' go!', startMs: 1300, endMs: 1600 });
	});

	it('lines up Chinese split differently, and gives a spelled-out percentage all of its speech', () => {
		const text = '大约20%的人，每天刷短视频。';
		const spoken = words(['大約', 0, 400], ['百分之二十', 400, 1400], ['的人', 1400, 1800], ['每天', 2000, 2400], ['刷短視頻', 2400, 3200]);
		const { words: timed, matchedShare } = alignSpokenWords({ text, language: 'zh-CN', spoken, durationMs: 3500 });
		expectScriptWords({ text, language: 'zh-CN' }, asResult(timed), 3500);
		expect(matchedShare).toBeGreaterThan(0.8);
		expect(find(timed, '20%')).toEqual({ text: '20%', startMs: 400, endMs: 1400 });
		expect(find(timed, '视频。')).toEqual({ text: '视频。', startMs: 2800, endMs: 3200 });
	});

	it('gives a number the recogniser spelled out the whole spelling, leaving a filler between exact words as a gap', () => {
		const text = 'It costs 9 dollars, you know.';
		const spoken = words(
			['It', 0, 200],
			['costs', 200, 500],
			['nine', 500, 800],
			['dollars,', 800, 1200],
			['um', 1300, 1500],
			['you', 1600, 1700],
			['know', 1700, 2000],
		);
		const { words: timed } = alignSpokenWords({ text, language: 'en', spoken, durationMs: 2500 });
		expectScriptWords({ text, language: 'en' }, asResult(timed), 2500);
		expect(find(timed, ' 9')).toEqual({ text: ' 9', startMs: 500, endMs: 800 });
		expect(find(timed, ' dollars,')).toEqual({ text: ' dollars,', startMs: 800, endMs: 1200 });
		expect(find(timed, ' you')).toEqual({ text: ' you', startMs: 1600, endMs: 1700 });
	});

	it('interpolates a word the recogniser missed, and extends missed words at either end at the speaking rate', () => {
		const text = 'so first we open the box and then we close it';
		const spoken = words(
			['first', 500, 800],
			['we', 800, 900],
			['open', 900, 1200],
			['box', 1500, 1800],
			['and', 1800, 1900],
			['then', 1900, 2100],
			['we', 2100, 2200],
			['close', 2200, 2500],
		);
		const { words: timed } = alignSpokenWords({ text, language: 'en', spoken, durationMs: 4000 });
		expectScriptWords({ text, language: 'en' }, asResult(timed), 4000);
		expect(find(timed, ' the').startMs).toBeGreaterThanOrEqual(1200);
		expect(find(timed, ' the').endMs).toBeLessThanOrEqual(1500);
		expect(find(timed, 'so').endMs).toBe(500);
		expect(find(timed, 'so').startMs).toBeGreaterThan(0);
		expect(find(timed, ' it').startMs).toBe(2500);
		expect(find(timed, ' it').endMs).toBeLessThan(3000);
	});

	it('reports how little matched when the transcript is something else', () => {
		const aligned = alignSpokenWords({ text: '今天我们聊聊短视频。', language: 'zh-CN', spoken: words(['Thanks for watching!', 0, 1500]), durationMs: 2000 });
		expect(aligned.matchedShare).toBeLessThan(0.5);
		expectScriptWords({ text: '今天我们聊聊短视频。', language: 'zh-CN' }, asResult(aligned.words), 2000);
		const timed = timeFromSpoken(
			{ text: '今天我们聊聊短视频。', language: 'zh-CN', spoken: words(['Thanks for watching!', 0, 1500]), durationMs: 2000 },
			'aligned',
		);
		expect(timed.timing).toBe('estimated');
	});
});

describe('timeTokens', () => {
	it('makes spans monotonic, trims overlaps, and keeps every time inside the audio', () => {
		const timed = timeTokens(['a', 'b', 'c', 'd'], [{ startMs: 100, endMs: 500 }, { startMs: 50, endMs: 300 }, undefined, { startMs: 900, endMs: 5000 }], 1000);
		expectScriptWords({ text: 'a b c d', language: 'en' }, asResult(timed.map((w, k) => ({ ...w, text: ['a', ' b', ' c', ' d'][k]! }))), 1000);
		expect(timed[0]).toEqual({ text: 'a', startMs: 100, endMs: 100 });
		expect(timed.at(-1)).toEqual({ text: 'd', startMs: 900, endMs: 1000 });
	});
});

describe('estimateWordTimings', () => {
	it('stretches the weighted estimate over the whole audio', () => {
		const text = '人工智能正在改变世界，你准备好了吗？';
		const timed = estimateWordTimings(text, 'zh-CN', 4000);
		expectScriptWords({ text, language: 'zh-CN' }, asResult(timed), 4000);
		expect(timed[0]!.startMs).toBe(0);
		expect(timed.at(-1)!.endMs).toBe(4000);
	});
});

describe('audio helpers', () => {
	it('reads WAV whose header was written before its length was known, and mixes stereo down', () => {
		const wav = toneWav(500);
		new DataView(wav.buffer).setUint32(40, 0xffffffff, true);
		expect(readWav(wav).samples.length).toBe(12_000);
		const stereo = new Uint8Array(44 + 8);
		stereo.set(wav.subarray(0, 44));
		const view = new DataView(stereo.buffer);
		view.setUint16(22, 2, true);
		view.setUint32(40, 8, true);
		[100, 300, -50, -150].forEach((sample, i) => view.setInt16(44 + i * 2, sample, true));
		expect([...readWav(stereo).samples]).toEqual([200, -100]);
		view.setUint16(34, 32, true);
		expect(() => readWav(stereo)).toThrow('16-bit PCM expected');
	});

	it('measures MP3 by its frames, skipping an ID3 tag', () => {
		expect(mp3DurationMs(silentMp3(50))).toBeCloseTo(1200, 6);
		const tagged = new Uint8Array(10 + 20 + 144 * 10);
		tagged.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 20]);
		tagged.set(silentMp3(10), 30);
		expect(mp3DurationMs(tagged)).toBeCloseTo(240, 6);
	});
});
