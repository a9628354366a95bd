import type { StoryboardProvider } from '../../src/providers/storyboard/storyboard-provider';
import type { VoiceProvider } from '../../src/providers/voice/voice-provider';

/** Wraps real providers and counts the calls that reach them, per scene text. */
export const countingVoice = (inner: VoiceProvider) => {
	const calls: string[] = [];
	const provider: VoiceProvider = {
		name: inner.name,
		model: inner.model,
		synthesize: (request) => {
			calls.push(request.text);
			return inner.synthesize(request);
		},
		close: () => inner.close(),
	};
	return { provider, calls };
};

export const countingStoryboard = (inner: StoryboardProvider) => {
	const calls: number[] = [];
	const provider: StoryboardProvider = {
		name: inner.name,
		model: inner.model,
		draw: (request) => {
			calls.push(request.sceneId);
			return inner.draw(request);
		},
	};
	return { provider, calls };
};
