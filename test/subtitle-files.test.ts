import { describe, expect, it } from 'vitest';
import { captionCues } from '../src/publish/caption-cues';
import { toSrt, toVtt } from '../src/publish/subtitle-files';
import { CAPTIONED } from './helpers/caption-scripts';

describe('captions.srt and captions.vtt, byte for byte', () => {
	it('a short Chinese script: one page per sentence, a long sentence over two lines and a page', () => {
		const cues = captionCues(CAPTIONED.zh);
		expect(toSrt(cues)).toBe(
			'1\n00:00:00,000 --> 00:00:01,124\n城市慢慢醒来。\n\n' +
				'2\n00:00:01,124 --> 00:00:03,904\n第一班地铁载着困倦的\n人们，穿过还没亮的\n\n' +
				'3\n00:00:03,904 --> 00:00:04,500\n隧道。\n\n' +
				'4\n00:00:04,500 --> 00:00:07,500\n咖啡的香气飘满街角。\n',
		);
		expect(toVtt(cues)).toBe(
			'WEBVTT\n\n' +
				'00:00:00.000 --> 00:00:01.124\n城市慢慢醒来。\n\n' +
				'00:00:01.124 --> 00:00:03.904\n第一班地铁载着困倦的\n人们，穿过还没亮的\n\n' +
				'00:00:03.904 --> 00:00:04.500\n隧道。\n\n' +
				'00:00:04.500 --> 00:00:07.500\n咖啡的香气飘满街角。\n',
		);
	});

	it('a short English script: lines broken between words without their leading space, an arrow drawn as one character', () => {
		const cues = captionCues(CAPTIONED.en);
		expect(toSrt(cues)).toBe(
			'1\n00:00:00,000 --> 00:00:01,745\nYour morning decides\nyour day.\n\n' +
				'2\n00:00:01,745 --> 00:00:03,655\nHere are three\nhabits → that take\n\n' +
				'3\n00:00:03,655 --> 00:00:04,500\nminutes.\n\n' +
				'4\n00:00:04,500 --> 00:00:07,500\nStart with water.\n',
		);
		expect(toVtt(cues)).toBe(
			'WEBVTT\n\n' +
				'00:00:00.000 --> 00:00:01.745\nYour morning decides\nyour day.\n\n' +
				'00:00:01.745 --> 00:00:03.655\nHere are three\nhabits → that take\n\n' +
				'00:00:03.655 --> 00:00:04.500\nminutes.\n\n' +
				'00:00:04.500 --> 00:00:07.500\nStart with water.\n',
		);
	});
});
