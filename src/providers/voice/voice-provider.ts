import type { WordTiming } from '../../schema/video-props';

/** One spoken word of the request's text, with its place in the audio: the same type captions are paged from. */
export type { WordTiming };

/** How the word timings were obtained; recorded in the summary. */
export type TimingMethod = 'provider' | 'aligned' | 'estimated';

export type VoiceRequest = {
	readonly text: string;
	/** BCP 47, e.g. `zh-CN` or `en`. */
	readonly language: string;
	/** The script's `voice`, when it names one. */
	readonly voice?: string;
	/** 0 for the first take; `--redo N:voice` asks for the next one, which should sound a little different. */
	readonly take: number;
};

export type VoiceResult = {
	readonly audio: Uint8Array;
	readonly extension: 'wav' | 'mp3' | 'ogg' | 'm4a';
	/**
	 * Exactly the tokens of `segmentWords(request.text, request.language)`, in order, with monotonic
	 * times in ms from the start of the audio; the last word ends no later than the audio.
	 */
	readonly words: readonly WordTiming[];
	readonly timing: TimingMethod;
	/** The provider that voiced it, set by a chain that chose among several; the provider itself otherwise. */
	readonly voicedBy?: { readonly name: string; readonly model: string };
};

export interface VoiceProvider {
	readonly name: string;
	readonly model: string;
	/** How many scenes to voice at once; the pipeline uses 2 when absent. */
	readonly maxConcurrency?: number;
	synthesize(request: VoiceRequest): Promise<VoiceResult>;
	/** Frees workers or connections; the provider is not used afterwards. */
	close(): Promise<void>;
}
