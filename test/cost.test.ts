import { describe, expect, it } from 'vitest';
import { estimateCost, estimateTokens } from '../src/cost/estimate-cost';
import { priceOf } from '../src/cost/price-table';
import { mergeUsages, sceneUsages, scriptUsage } from '../src/cost/video-usages';

describe('cost estimates', () => {
	it('prices a 60 s, 10-scene video with OpenAI models near the figure of the original specification (about $0.28, ¥2, for 60 s and 10 scenes)', () => {
		const scenes = Array.from({ length: 10 }, () => ({
			narration: '这是一个大约六秒钟的中文场景旁白内容示例。'.repeat(1),
			voiceSeconds: 6,
			voice: { provider: 'openai-tts', model: 'gpt-4o-mini-tts/alloy' },
			image: { provider: 'compatible-images', model: 'black-forest-labs/FLUX.1-schnell@4' },
		}));
		const usages = mergeUsages([scriptUsage('openai-chat', 'gpt-4o-mini', '5个改变生活的AI工具', 'x'.repeat(4000)), ...sceneUsages(scenes)]);
		const estimate = estimateCost(usages);
		expect(estimate.unpriced).toEqual([]);
		// 1 min of speech at $0.015 + 1 min transcription at $0.006 + 10 images at $0.01 + a small script
		expect(estimate.items.find((i) => i.provider === 'openai-tts')).toMatchObject({ minutes: 1, usd: 0.015 });
		expect(estimate.items.find((i) => i.provider === 'openai-transcription')).toMatchObject({ minutes: 1, usd: 0.006 });
		expect(estimate.items.find((i) => i.stage === 'storyboard')).toMatchObject({ images: 10, usd: 0.1 });
		expect(estimate.totalUsd).toBeGreaterThan(0.12);
		expect(estimate.totalUsd).toBeLessThan(0.3);
	});

	it('costs nothing offline, and lists models it cannot price instead of guessing', () => {
		const offline = estimateCost(
			sceneUsages([{ narration: 'hi', voiceSeconds: 3, voice: { provider: 'espeak', model: 'e' }, image: { provider: 'procedural', model: 'p' } }]),
		);
		expect(offline).toMatchObject({ totalUsd: 0, unpriced: [] });
		const unknown = estimateCost([{ stage: 'script', provider: 'openai-chat', model: 'qwen-max', inputTokens: 10 }]);
		expect(unknown).toMatchObject({ totalUsd: 0, unpriced: ['openai-chat/qwen-max'] });
		expect(unknown.items[0]!.usd).toBeNull();
	});

	it('matches models by their base name and counts tokens per CJK character', () => {
		expect(priceOf('openai-tts', 'tts-1-hd/nova')).toEqual({ unit: 'characters', perMillion: 30 });
		expect(priceOf('google-tts', 'cmn-CN-Wavenet-A')).toMatchObject({ unit: 'characters' });
		expect(estimateTokens('你好世界')).toBe(4);
		expect(estimateTokens('abcdefgh')).toBe(2);
	});
});
